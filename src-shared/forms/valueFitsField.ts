import type { LeafField } from './fieldSchema';
import { isValidIsoDate } from './validators/isValidIsoDate';

/**
 * Whether a value has the shape a field holds (string for text, integer cents for money, a listed option for a
 * select...). Says nothing about required, bounds or check digits: those are validation's, reported to the user.
 */
export function valueFitsField(field: LeafField, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (field.type) {
    case 'info':
      return false;
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'iban':
    case 'matricule':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (!field.integer || Number.isInteger(value));
    case 'money':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'date':
      return value === '' || isValidIsoDate(value);
    case 'select':
    case 'radio':
      return value === '' || (typeof value === 'string' && field.options.some((o) => o.value === value));
    case 'checkbox':
      if (!field.options) return typeof value === 'boolean';
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && field.options?.some((o) => o.value === v));
    case 'address': {
      if (typeof value !== 'object' || Array.isArray(value)) return false;
      const a = value as Record<string, unknown>;
      if (a.country === 'LU') return ['street', 'number', 'postalCode', 'locality'].every((k) => a[k] === undefined || typeof a[k] === 'string');
      if (field.allowForeign === false) return false;
      return typeof a.country === 'string' && (a.lines === undefined || (Array.isArray(a.lines) && a.lines.every((l) => typeof l === 'string')));
    }
    case 'file':
      return (
        Array.isArray(value) &&
        value.every((f) => {
          const file = f as Record<string, unknown> | null;
          return !!file && typeof file.name === 'string' && typeof file.mediaType === 'string' && typeof file.size === 'number';
        })
      );
  }
}
