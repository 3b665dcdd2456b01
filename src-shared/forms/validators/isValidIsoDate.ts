import { parseIsoDate } from './parseIsoDate';

/** 'yyyy-mm-dd' naming a real calendar day. */
export function isValidIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}
