import type { FormIssue, LeafField, LocalizedText } from '../../src-shared/forms';
import { normalizeMediaType } from '../../src-shared/forms/attachmentTypes';
import type { ContractError } from '../../src-shared/errors/ContractError';
import type { SupportedLocale } from '../../src-shared/i18n/locales';

/** The definition's text in the UI language. */
export function pick(text: LocalizedText | undefined, locale: SupportedLocale): string {
  return text ? text[locale] : '';
}

/** The DOM id of a value path: 'members[2].income' → 'field-members-2-income'. */
export function domId(path: string): string {
  return `field-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

import { cachedFormatter as cached, formatBytes, formatDate, formatMoney } from '../../src-shared/forms/format/formatValue';
export { numberFormat, formatMoney, formatDate, formatBytes } from '../../src-shared/forms/format/formatValue';

/**
 * Parses an amount as people type it ('1234.5', '1 234,50', '1.234,50', '€ 12') into cents; null when empty,
 * undefined when it is not an amount.
 */
export function parseAmount(text: string): number | null | undefined {
  let v = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR|EUR$/i, '');
  if (v === '') return null;
  const negative = v.startsWith('-');
  if (negative) v = v.slice(1);
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  let intPart = v;
  let fraction = '';
  // A separator followed by 1 or 2 digits at the end is the decimal one; others group thousands.
  if (decimalAt >= 0 && v.length - decimalAt - 1 <= 2 && v.length - decimalAt - 1 > 0) {
    intPart = v.slice(0, decimalAt);
    fraction = v.slice(decimalAt + 1);
  }
  intPart = intPart.replace(/[.,'’]/g, '');
  if (!/^\d+$/.test(intPart || '0') || !/^\d{0,2}$/.test(fraction)) return undefined;
  const cents = Number(intPart || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? (negative ? -cents : cents) : undefined;
}

/** Parses a number typed with a dot or a comma as the decimal mark; null when empty, undefined when not a number. */
export function parseNumber(text: string): number | null | undefined {
  const v = text.replace(/[\s\u00a0\u202f]/g, '');
  if (v === '') return null;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(v)) return undefined;
  return Number(v.replace(',', '.'));
}

export function amountText(cents: unknown, locale: string): string {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return '';
  return cached(`amount:${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true })).format(cents / 100);
}

type Translate = (key: string, params?: Record<string, unknown>, plural?: number) => string;

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * The kinds of file a field accepts, as a person names them: 'PDF document or image (JPEG, PNG)'. Only the kinds
 * the app can check by their content count (see ATTACHMENT_MEDIA_TYPES); 'image/*' is their images.
 */
export function acceptText(accept: readonly string[], t: Translate, locale: string): string {
  const kinds = new Set<string>();
  for (const a of accept) {
    const type = normalizeMediaType(a);
    if (type === 'application/pdf') kinds.add('pdf');
    else if (type === 'image/*') kinds.add('image');
    else if (type === 'image/jpeg') kinds.add('jpeg');
    else if (type === 'image/png') kinds.add('png');
  }
  if (kinds.has('image') || (kinds.has('jpeg') && kinds.has('png'))) {
    kinds.delete('jpeg');
    kinds.delete('png');
    kinds.add('image');
  }
  const names = ['pdf', 'image', 'jpeg', 'png'].filter((k) => kinds.has(k)).map((k) => t(`forms.file.kind.${k}`));
  let list = listFormats.get(locale);
  if (!list) listFormats.set(locale, (list = new Intl.ListFormat(locale, { type: 'disjunction' })));
  return list.format(names);
}

/** The kind key of a media type the app checks ('pdf', 'jpeg', 'png'), or null. */
function kindOf(mediaType: unknown): 'pdf' | 'jpeg' | 'png' | null {
  const type = typeof mediaType === 'string' ? normalizeMediaType(mediaType) : '';
  return type === 'application/pdf' ? 'pdf' : type === 'image/jpeg' ? 'jpeg' : type === 'image/png' ? 'png' : null;
}

/**
 * What to say at a file field when storing a file failed: its content is not what its name says
 * (AttachmentTypeMismatchError), its name or size was refused (ValidationError at `name` / too big), or a general
 * "could not be stored". Never main's own English text.
 */
export function uploadErrorMessage(error: ContractError, fileName: string, maxBytes: number, t: Translate, locale: string): string {
  if (error.name === 'AttachmentTypeMismatchError') {
    const details = error.details;
    const name = typeof details.name === 'string' ? details.name : fileName;
    const expected = kindOf(details.declared);
    const actual = kindOf(details.detected);
    const notExpected = t(`forms.file.notKind.${expected ?? 'other'}`);
    if (details.reason === 'unreadable') return t('forms.file.mismatch.unreadable', { name });
    if (details.reason === 'otherType' && actual) return t('forms.file.mismatch.otherType', { name, notExpected, actual: t(`forms.file.aKind.${actual}`) });
    return t('forms.file.mismatch.unknownType', { name, notExpected });
  }
  if (error.name === 'ValidationError') {
    const issues = Array.isArray(error.details.issues) ? (error.details.issues as Array<{ path?: unknown; code?: unknown; message?: unknown }>) : [];
    if (issues.some((i) => i.path === 'name')) return t('forms.file.nameNul');
    if (issues.some((i) => i.code === 'too_big' && i.path === 'chunkBase64')) return t('forms.error.fileSize', { name: fileName, max: formatBytes(maxBytes, locale) });
  }
  return t('forms.file.storeFailed');
}

/** Issue codes whose bound is a count: their messages have plural forms ('1 character', '2 characters'). */
const COUNTED: ReadonlySet<string> = new Set(['minLength', 'maxLength', 'minSelected', 'maxSelected', 'minCount', 'maxCount', 'minRows', 'maxRows']);

/** The message of an issue in the UI language, with money and date bounds formatted. */
export function issueMessage(issue: FormIssue, field: LeafField | undefined, t: Translate, locale: SupportedLocale): string {
  if (issue.message) return issue.message[locale];
  const params: Record<string, unknown> = { ...issue.params };
  for (const key of ['min', 'max'] as const) {
    const raw = params[key];
    if (raw === undefined) continue;
    if (field?.type === 'money' && typeof raw === 'number') params[key] = formatMoney(raw, locale);
    else if (field?.type === 'date' && typeof raw === 'string') params[key] = formatDate(raw, locale);
  }
  if (issue.code === 'fileSize' && typeof params.max === 'number') params.max = formatBytes(params.max, locale);
  if (issue.code === 'fileType' && field?.type === 'file') params.accept = acceptText(field.accept, t, locale);
  if (issue.code === 'pattern' && field && 'patternHint' in field && field.patternHint) return field.patternHint[locale];
  if (COUNTED.has(issue.code)) {
    const bound = issue.params?.min ?? issue.params?.max;
    if (typeof bound === 'number') return t(issue.key, params, bound);
  }
  return t(issue.key, params);
}
