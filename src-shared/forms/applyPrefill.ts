import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import { readOwn } from './expression/evaluateExpression';
import { compileForm } from './compileForm';
import type { FormDefinition } from './formDefinitionSchema';
import type { LeafField, PrefillBinding } from './fieldSchema';
import { isEmptyValue } from './isEmptyValue';
import { valueFitsField } from './valueFitsField';

/** The data the authority holds: the person's (private space) and the company's (professional space). */
export interface PrefillSources {
  person?: Record<string, unknown>;
  company?: Record<string, unknown>;
}

/** Where a field's value came from, for "from the national register" and "changed by you" hints. */
export interface Provenance extends PrefillBinding {
  /** The value as the source holds it. */
  sourceValue: unknown;
  /** Whether the current value differs from the source's (the user changed it). */
  modified: boolean;
}

export interface PrefillResult {
  values: FormValues;
  /** By field id. */
  provenance: Record<string, Provenance>;
  /** Bindings that found nothing usable: no value at the path, or one that does not fit the field. */
  skipped: { field: string; reason: 'missing' | 'mismatch' }[];
}

/**
 * Fills fields bound to the person's or company's data. A non-editable field always takes the source's value; an
 * editable one only while empty (a value the user typed is kept, `modified` tells), unless `overwrite`.
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
    if (!valueFitsField(field as LeafField, sourceValue)) {
      skipped.push({ field: id, reason: 'mismatch' });
      continue;
    }
    const current = out[id];
    if (!binding.editable || options.overwrite || isEmptyValue(current)) out[id] = structuredCloneJson(sourceValue);
    provenance[id] = { ...binding, sourceValue, modified: !sameJson(out[id], sourceValue) };
  }
  return { values: out, provenance, skipped };
}

function structuredCloneJson<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as T) : value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
