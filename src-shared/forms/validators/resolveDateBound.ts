import { parseIsoDate } from './parseIsoDate';

/** A date bound: an ISO date, or relative to today: 'today', 'today+30d', 'today-18y', 'today+6m'. */
export const DATE_BOUND_PATTERN = /^(?:\d{4}-\d{2}-\d{2}|today(?:[+-]\d{1,4}[dmy])?)$/;

/** The day number (days since 1970-01-01) a date bound stands for, with `today` as 'yyyy-mm-dd'; null if malformed. */
export function resolveDateBound(bound: string, today: string): number | null {
  if (!bound.startsWith('today')) return parseIsoDate(bound);
  const base = parseIsoDate(today);
  if (base === null) return null;
  const m = /^today(?:([+-])(\d{1,4})([dmy]))?$/.exec(bound);
  if (!m) return null;
  if (!m[1]) return base;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  if (m[3] === 'd') return base + n;
  const date = new Date(base * 86_400_000);
  const months = m[3] === 'm' ? n : n * 12;
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // Clamp: 31 Jan + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime() / 86_400_000;
}
