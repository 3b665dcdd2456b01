import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import { readOwn } from './expression/evaluateExpression';
import { compileForm } from './compileForm';
import type { FormDefinition } from './formDefinitionSchema';
import type { LeafField, PrefillBinding } from './fieldSchema';
import { isEmptyValue } from './isEmptyValue';
import { matchOption } from './matchOption';
import { valueFitsField } from './valueFitsField';

/** The data the authority holds: the person's (private space) and the company's (professional space). */
export interface PrefillSources {
  person?: Record<string, unknown>;
  company?: Record<string, unknown>;
}

/** Where a field's value came from, for "from the national register" and "changed by you" hints. */
export interface Provenance extends PrefillBinding {
  /** The value as the source holds it (for a choice: the option it names). */
  sourceValue: unknown;
  /** Whether the current value differs from the source's (the user changed it). */
  modified: boolean;
}

export interface PrefillResult {
  values: FormValues;
  /** By field id. */
  provenance: Record<string, Provenance>;
  /**
   * Bindings that found nothing usable: no value at the path ('missing'), one that does not fit the field
   * ('mismatch'), or one that names none of a choice's options ('noOption'); `value` is what the source holds, for
   * telling the person (a list of choices reports each entry it could not place).
   */
  skipped: PrefillSkip[];
}

export type PrefillSkip = { field: string; reason: 'missing' } | { field: string; reason: 'mismatch' | 'noOption'; value: unknown };

/**
 * Fills fields bound to the person's or company's data. A non-editable field always takes the source's value; an
 * editable one only while empty (a value the user typed is kept, `modified` tells), unless `overwrite`. A choice
 * takes the option the source's value names (its value, a label in any language, an alias): the register's
 * "private limited company" is the option 'sarl'; a value that names no option is left out and reported.
 */
export function applyPrefill(
  definition: FormDefinition | CompiledForm,
  values: FormValues,
  sources: PrefillSources,
  options: { overwrite?: boolean } = {},
): PrefillResult {
  const form = compileForm(definition);
  const out: FormValues = { ...values };
  const provenance: Record<string, Provenance> = {};
  const skipped: PrefillResult['skipped'] = [];
  for (const [id, cField] of form.fields) {
    const field = cField.field;
    if (field.type === 'group' || field.type === 'info' || !field.prefill) continue;
    const binding = field.prefill;
    let sourceValue: unknown = sources[binding.source] ?? null;
    for (const segment of binding.path.split('.')) sourceValue = readOwn(sourceValue, segment);
    if (sourceValue === null || sourceValue === undefined) {
      skipped.push({ field: id, reason: 'missing' });
      continue;
    }
    if (field.type === 'select' || field.type === 'radio' || (field.type === 'checkbox' && field.options)) {
      const mapped = toOptions(field, sourceValue, (value) => skipped.push({ field: id, reason: 'noOption', value: structuredCloneJson(value) }));
      if (mapped === null) continue;
      sourceValue = mapped;
    }
    if (!valueFitsField(field as LeafField, sourceValue)) {
      skipped.push({ field: id, reason: 'mismatch', value: structuredCloneJson(sourceValue) });
      continue;
    }
    const current = out[id];
    if (!binding.editable || options.overwrite || isEmptyValue(current)) out[id] = structuredCloneJson(sourceValue);
    provenance[id] = { ...binding, sourceValue, modified: !sameJson(out[id], sourceValue) };
  }
  return { values: out, provenance, skipped };
}

/**
 * A source value as the option value(s) of a choice (matchOption: by value, label in any language or alias). Null,
 * after reporting it, when nothing could be placed; a list keeps the entries it could place and reports the others.
 */
function toOptions(field: FieldWithOptions, value: unknown, unplaced: (value: unknown) => void): unknown {
  const options = field.options ?? [];
  if (field.type !== 'checkbox') {
    const match = matchOption(options, value);
    if (match === null) unplaced(value);
    return match;
  }
  if (!Array.isArray(value)) {
    // One choice given where several may be ticked.
    const match = matchOption(options, value);
    if (match === null) unplaced(value);
    return match === null ? null : [match];
  }
  const placed: string[] = [];
  for (const entry of value) {
    const match = matchOption(options, entry);
    if (match === null) unplaced(entry);
    else if (!placed.includes(match)) placed.push(match);
  }
  return placed.length > 0 || value.length === 0 ? placed : null;
}

type FieldWithOptions = Extract<LeafField, { type: 'select' | 'radio' | 'checkbox' }>;

function structuredCloneJson<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
