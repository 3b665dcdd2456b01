import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import type { FormDefinition } from './formDefinitionSchema';
import { compileForm } from './compileForm';
import { evaluateForm, rowsOf, type EvaluateOptions } from './evaluateForm';

export interface Visibility {
  steps: Set<string>;
  sections: Set<string>;
  /** Visible fields by path: top-level ids ('email', 'members') and cells ('members[0].income'). */
  fields: Set<string>;
}

/** What is visible for these values (conditions of steps, sections and fields; computed values taken into account). */
export function visibleFields(definition: FormDefinition | CompiledForm, values: FormValues, options: EvaluateOptions = {}): Visibility {
  const form = compileForm(definition);
  const state = evaluateForm(form, values, options);
  const result: Visibility = { steps: new Set(), sections: new Set(), fields: new Set() };
  for (const step of form.steps) {
    if (!state.hiddenSteps.has(step.step.id)) result.steps.add(step.step.id);
    for (const section of step.sections) {
      if (!state.hiddenSections.has(section.section.id)) result.sections.add(section.section.id);
      for (const field of section.fields) {
        if (state.hiddenFields.has(field.key)) continue;
        result.fields.add(field.key);
        if (field.field.type !== 'group') continue;
        const rows = rowsOf(state.values[field.key]);
        for (const [childId, child] of form.groups.get(field.key)?.children ?? []) {
          const hidden = state.hiddenCells.get(child.key);
          rows.forEach((_row, r) => {
            if (!hidden?.[r]) result.fields.add(`${field.key}[${r}].${childId}`);
          });
        }
      }
    }
  }
  return result;
}
