import type { CompiledField } from './CompiledForm';
import { issue, type FormIssue } from './FormIssue';
import type { LeafField } from './fieldSchema';
import { isEmptyValue } from './isEmptyValue';
import { isValidEmail } from './validators/isValidEmail';
import { isValidIban } from './validators/isValidIban';
import { isValidMatricule } from './validators/isValidMatricule';
import { isValidPhone } from './validators/isValidPhone';
import { normalizeIban } from './validators/normalizeIban';
import { normalizeLuPostalCode } from './validators/normalizeLuPostalCode';
import { parseIsoDate } from './validators/parseIsoDate';
import { formatIsoDate } from './validators/formatIsoDate';
import { resolveDateBound } from './validators/resolveDateBound';
import { acceptsMediaType } from './attachmentTypes';


/** Whether a field's value counts as empty for `required` (a single checkbox must be ticked). */
export function isFieldEmpty(field: LeafField, value: unknown): boolean {
  if (field.type === 'checkbox' && !field.options) return value === false || isEmptyValue(value);
  return isEmptyValue(value);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

// Module-level helpers, not closures: validation runs for thousands of cells per keystroke.
function checkLength(v: string, f: { minLength?: number | undefined; maxLength?: number | undefined }, path: string, out: FormIssue[]): void {
  if (f.minLength !== undefined && v.length < f.minLength) out.push(issue(path, 'minLength', { min: f.minLength }));
  if (f.maxLength !== undefined && v.length > f.maxLength) out.push(issue(path, 'maxLength', { max: f.maxLength }));
}

function checkRange(v: number, f: { min?: number | undefined; max?: number | undefined }, path: string, out: FormIssue[]): void {
  if (f.min !== undefined && v < f.min) out.push(issue(path, 'min', { min: f.min }));
  if (f.max !== undefined && v > f.max) out.push(issue(path, 'max', { max: f.max }));
}

function hasOption(options: readonly { value: string }[], value: unknown): boolean {
  for (const o of options) if (o.value === value) return true;
  return false;
}

function hasDuplicates(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) if (values.indexOf(values[i] as string) < i) return true;
  return false;
}

const boundCache = new Map<string, number | null>();
function dateBound(bound: string, today: string): number | null {
  const key = `${bound}|${today}`;
  let day = boundCache.get(key);
  if (day === undefined) {
    if (boundCache.size > 1000) boundCache.clear();
    day = resolveDateBound(bound, today);
    boundCache.set(key, day);
  }
  return day;
}

/**
 * Checks one non-empty value against its field's type and rules (`required` is checked by the caller). Pushes issues
 * with `path` as the field's path.
 */
export function validateFieldValue(cField: CompiledField, value: unknown, path: string, today: string, out: FormIssue[]): void {
  const field = cField.field as LeafField;
  switch (field.type) {
    case 'info':
      return;
    case 'text':
    case 'textarea':
      if (!str(value)) return void out.push(issue(path, 'type'));
      checkLength(value, field, path, out);
      if (cField.pattern && !cField.pattern.test(value)) out.push(issue(path, 'pattern'));
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return void out.push(issue(path, 'type'));
      if (field.integer && !Number.isInteger(value)) out.push(issue(path, 'integer'));
      checkRange(value, field, path, out);
      return;
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return void out.push(issue(path, 'type'));
      checkRange(value, field, path, out);
      return;
    case 'date': {
      const day = parseIsoDate(value);
      if (day === null) return void out.push(issue(path, 'date'));
      const min = field.min ? dateBound(field.min, today) : null;
      const max = field.max ? dateBound(field.max, today) : null;
      if (min !== null && day < min) out.push(issue(path, 'min', { min: formatIsoDate(min) }));
      if (max !== null && day > max) out.push(issue(path, 'max', { max: formatIsoDate(max) }));
      return;
    }
    case 'email':
      if (!isValidEmail(value)) out.push(issue(path, 'email'));
      else if (field.maxLength !== undefined && (value as string).length > field.maxLength) out.push(issue(path, 'maxLength', { max: field.maxLength }));
      return;
    case 'phone':
      if (!isValidPhone(value)) out.push(issue(path, 'phone'));
      return;
    case 'iban':
      if (!isValidIban(value)) return void out.push(issue(path, 'iban'));
      if (field.countries && !field.countries.includes(normalizeIban(value as string).slice(0, 2))) {
        out.push(issue(path, 'ibanCountry', { countries: field.countries.join(', ') }));
      }
      return;
    case 'matricule':
      if (!isValidMatricule(value)) out.push(issue(path, 'matricule'));
      return;
    case 'address': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return void out.push(issue(path, 'type'));
      const a = value as Record<string, unknown>;
      if (!str(a.country) || !/^[A-Z]{2}$/.test(a.country)) return void out.push(issue(`${path}.country`, 'country'));
      if (a.country === 'LU') {
        for (const part of ['street', 'number', 'locality'] as const) {
          if (!str(a[part]) || a[part].trim() === '') out.push(issue(`${path}.${part}`, 'required'));
          else if (a[part].length > 100) out.push(issue(`${path}.${part}`, 'maxLength', { max: 100 }));
        }
        if (!str(a.postalCode) || a.postalCode.trim() === '') out.push(issue(`${path}.postalCode`, 'required'));
        else if (normalizeLuPostalCode(a.postalCode) === null) out.push(issue(`${path}.postalCode`, 'postalCode'));
        return;
      }
      if (field.allowForeign === false) return void out.push(issue(`${path}.country`, 'foreignAddress'));
      const lines = Array.isArray(a.lines) ? a.lines : [];
      const filled = lines.filter((l) => str(l) && l.trim() !== '');
      if (filled.length === 0) out.push(issue(`${path}.lines`, 'required'));
      if (lines.length > 5) out.push(issue(`${path}.lines`, 'maxCount', { max: 5 }));
      lines.forEach((l, i) => {
        if (!str(l)) out.push(issue(`${path}.lines[${i}]`, 'type'));
        else if (l.length > 100) out.push(issue(`${path}.lines[${i}]`, 'maxLength', { max: 100 }));
      });
      return;
    }
    case 'select':
    case 'radio':
      if (!str(value) || !hasOption(field.options, value)) out.push(issue(path, 'option'));
      return;
    case 'checkbox': {
      if (!field.options) {
        if (typeof value !== 'boolean') out.push(issue(path, 'type'));
        return;
      }
      if (!Array.isArray(value) || !value.every(str)) return void out.push(issue(path, 'type'));
      const options = field.options;
      let unknown = false;
      for (const v of value) if (!hasOption(options, v)) unknown = true;
      if (unknown || hasDuplicates(value)) out.push(issue(path, 'option'));
      if (field.minSelected !== undefined && value.length < field.minSelected) out.push(issue(path, 'minSelected', { min: field.minSelected }));
      if (field.maxSelected !== undefined && value.length > field.maxSelected) out.push(issue(path, 'maxSelected', { max: field.maxSelected }));
      return;
    }
    case 'file': {
      if (!Array.isArray(value)) return void out.push(issue(path, 'type'));
      if (field.minCount !== undefined && value.length < field.minCount) out.push(issue(path, 'minCount', { min: field.minCount }));
      if (field.maxCount !== undefined && value.length > field.maxCount) out.push(issue(path, 'maxCount', { max: field.maxCount }));
      value.forEach((f: unknown, i) => {
        const file = f as Record<string, unknown> | null;
        if (!file || typeof file !== 'object' || !str(file.name) || !str(file.mediaType) || typeof file.size !== 'number') {
          return void out.push(issue(`${path}[${i}]`, 'type'));
        }
        if (!acceptsMediaType(field.accept, file.mediaType)) {
          out.push(issue(`${path}[${i}]`, 'fileType', { name: file.name, accept: field.accept.join(', ') }));
        }
        if (file.size > field.maxSizeBytes) out.push(issue(`${path}[${i}]`, 'fileSize', { name: file.name, max: field.maxSizeBytes }));
      });
      return;
    }
  }
}
