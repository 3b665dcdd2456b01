import type { ValidationIssue } from '../errors/ValidationError';
import type { CompiledForm } from './CompiledForm';
import { FormDefinitionError } from './FormDefinitionError';
import { compileForm } from './compileForm';
import { formatIssuePath } from './formatIssuePath';
import { formDefinitionSchema, type FormDefinition } from './formDefinitionSchema';

/**
 * Checks untrusted JSON (an object, or its text) against the definition schema and its semantics, and returns the
 * definition, already compiled (see compileForm). An invalid definition is refused as a whole: FormDefinitionError
 * with every problem found and its path ('steps[0].sections[2].fields[1].compute').
 */
export function parseFormDefinition(json: unknown): FormDefinition {
  return parseAndCompile(json).definition;
}

export function parseAndCompile(json: unknown): CompiledForm {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch (error) {
      throw new FormDefinitionError([{ path: '', code: 'json', message: `not JSON: ${(error as Error).message}` }]);
    }
  }
  const parsed = formDefinitionSchema.safeParse(input);
  const formId = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : undefined;
  if (!parsed.success) {
    const issues: ValidationIssue[] = parsed.error.issues.map((i) => ({
      path: formatIssuePath(i.path),
      code: i.code,
      message: i.message,
    }));
    throw new FormDefinitionError(issues, formId);
  }
  // Semantic checks (ids, expressions, references, cycles) happen while compiling; the result is cached.
  return compileForm(parsed.data);
}
