import type { CompiledForm } from './CompiledForm';
import type { FormValues } from './FormValues';
import type { FormDefinition } from './formDefinitionSchema';
import { compileForm } from './compileForm';
import { evaluateForm, type EvaluateOptions } from './evaluateForm';

/** The values with every computed field (top-level and in rows) worked out. The input is not mutated. */
export function computeValues(definition: FormDefinition | CompiledForm, values: FormValues, options: EvaluateOptions = {}): FormValues {
  return evaluateForm(compileForm(definition), values, options).values;
}
