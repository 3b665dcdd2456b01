import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import { compileForm } from './compileForm';
import { evaluateForm, rowsOf, type EvaluateOptions } from './evaluateForm';
import type { FormDefinition } from './formDefinitionSchema';

/**
 * What is sent to the authority: computed values filled in, hidden fields (and hidden cells of rows), information
 * texts and values of unknown keys left out. Undefined values are omitted.
 */
export function submissionValues(definition: FormDefinition | CompiledForm, values: FormValues, options: EvaluateOptions = {}): FormValues {
  const form = compileForm(definition);
  const state = evaluateForm(form, values, options);
  const out: FormValues = {};
  for (const [id, cField] of form.fields) {
    if (state.hiddenFields.has(id) || cField.field.type === 'info') continue;
    const value = state.values[id];
    const group = form.groups.get(id);
    if (!group) {
      if (value !== undefined) out[id] = value;
      continue;
    }
    out[id] = rowsOf(value).map((row, r) => {
      const kept: Record<string, unknown> = {};
      for (const [childId, child] of group.children) {
        if (child.field.type === 'info' || state.hiddenCells.get(child.key)?.[r]) continue;
        if (row && Object.hasOwn(row, childId) && row[childId] !== undefined) kept[childId] = row[childId];
      }
      return kept;
    });
  }
  return out;
}
