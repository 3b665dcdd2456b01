import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import { compileForm } from './compileForm';
import type { FormDefinition } from './formDefinitionSchema';
import type { Field, LeafField } from './fieldSchema';
import { valueFitsField } from './valueFitsField';

export type DropReason = 'removedField' | 'typeChanged' | 'mismatch' | 'optionRemoved' | 'notAGroup';

export interface DraftMigration {
  values: FormValues;
  /** Paths of the values carried over ('email', 'members[1].income'). */
  kept: string[];
  dropped: { path: string; reason: DropReason; value: unknown }[];
  fromVersion: number | null;
  toVersion: number;
}

/** Type changes that keep a value's meaning. */
const COMPATIBLE: Readonly<Record<string, readonly string[]>> = {
  text: ['textarea'],
  textarea: ['text'],
  select: ['radio'],
  radio: ['select'],
};

/**
 * Carries a draft's values over to a new version of its definition: keeps what still fits (same id, a compatible
 * type, listed options), reports what was dropped and why. Computed values are not carried (they are recomputed).
 * With the old definition (rather than just its version), a change of type is detected even when the value still
 * looks valid (number → money would turn euros into cents).
 */
export function migrateDraft(
  from: FormDefinition | CompiledForm | { version: number } | number | null,
  to: FormDefinition | CompiledForm,
  values: FormValues,
): DraftMigration {
  const next = compileForm(to);
  const previous = from && typeof from === 'object' && ('steps' in from || 'order' in from) ? compileForm(from as FormDefinition | CompiledForm) : null;
  const fromVersion = typeof from === 'number' ? from : from && typeof from === 'object' ? (previous?.definition.version ?? (from as { version: number }).version) : null;
  const result: DraftMigration = { values: {}, kept: [], dropped: [], fromVersion, toVersion: next.definition.version };

  const migrateLeaf = (oldField: Field | undefined, field: LeafField, value: unknown, path: string): { keep: boolean; value: unknown } => {
    if (field.type === 'info' || ('compute' in field && field.compute)) return { keep: false, value };
    if (oldField && oldField.type !== field.type && !COMPATIBLE[oldField.type]?.includes(field.type)) {
      result.dropped.push({ path, reason: 'typeChanged', value });
      return { keep: false, value };
    }
    if (field.type === 'checkbox' && field.options && Array.isArray(value)) {
      const allowed = value.filter((v) => field.options?.some((o) => o.value === v));
      for (const v of value) if (!allowed.includes(v)) result.dropped.push({ path, reason: 'optionRemoved', value: v });
      if (allowed.length !== value.length) value = allowed;
    }
    if (!valueFitsField(field, value)) {
      const optionGone = (field.type === 'select' || field.type === 'radio') && typeof value === 'string';
      result.dropped.push({ path, reason: optionGone ? 'optionRemoved' : 'mismatch', value });
      return { keep: false, value };
    }
    result.kept.push(path);
    return { keep: true, value };
  };

  for (const [id, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const target = next.fields.get(id);
    if (!target || target.field.type === 'info') {
      result.dropped.push({ path: id, reason: 'removedField', value });
      continue;
    }
    const oldField = previous?.fields.get(id)?.field;
    const field = target.field;
    if (field.type !== 'group') {
      const r = migrateLeaf(oldField, field, value, id);
      if (r.keep) result.values[id] = r.value;
      continue;
    }
    if (!Array.isArray(value) || (oldField && oldField.type !== 'group')) {
      result.dropped.push({ path: id, reason: 'notAGroup', value });
      continue;
    }
    const oldGroup = oldField?.type === 'group' ? oldField : undefined;
    result.values[id] = value.map((row: unknown, r) => {
      const kept: Record<string, unknown> = {};
      if (!row || typeof row !== 'object' || Array.isArray(row)) return kept;
      for (const [childId, childValue] of Object.entries(row)) {
        if (childValue === undefined) continue;
        const path = `${id}[${r}].${childId}`;
        const child = field.fields.find((c) => c.id === childId);
        if (!child) {
          result.dropped.push({ path, reason: 'removedField', value: childValue });
          continue;
        }
        const m = migrateLeaf(oldGroup?.fields.find((c) => c.id === childId), child, childValue, path);
        if (m.keep) kept[childId] = m.value;
      }
      return kept;
    });
  }
  return result;
}
