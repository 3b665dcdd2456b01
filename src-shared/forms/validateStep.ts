import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import { compileForm } from './compileForm';
import type { FormDefinition } from './formDefinitionSchema';
import { validateForm, type FormValidation, type ValidateOptions } from './validateForm';

/** Like validateForm, keeping only the issues of fields on one step (by step id). Rules report on their fields' steps. */
export function validateStep(
  definition: FormDefinition | CompiledForm,
  stepId: string,
  values: FormValues,
  options: ValidateOptions = {},
): FormValidation {
  const form = compileForm(definition);
  const result = validateForm(form, values, options);
  const issues = result.issues.filter((i) => {
    const head = /^[^.[]+/.exec(i.path)?.[0] ?? '';
    return form.fields.get(head)?.stepId === stepId;
  });
  return { valid: issues.length === 0, issues, values: result.values };
}
