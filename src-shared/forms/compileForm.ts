import type { ValidationIssue } from '../errors/ValidationError';
import type { CompiledForm } from './CompiledForm';
import { FormDefinitionError } from './FormDefinitionError';
import { buildCompiledForm } from './buildCompiledForm';
import type { FormDefinition } from './formDefinitionSchema';

const cache = new WeakMap<FormDefinition, CompiledForm>();

/**
 * The compiled form of a definition (parsed expressions, dependency order), cached per definition object. Throws
 * FormDefinitionError if the definition's semantics are broken. Pass the raw definition object, not a reactive proxy,
 * or the cache misses (use markRaw/shallowRef in Vue). Definitions are treated as immutable.
 */
export function compileForm(definition: FormDefinition | CompiledForm): CompiledForm {
  if (isCompiledForm(definition)) return definition;
  const hit = cache.get(definition);
  if (hit) return hit;
  const issues: ValidationIssue[] = [];
  const compiled = buildCompiledForm(definition, issues);
  if (issues.length) throw new FormDefinitionError(issues, definition.id);
  cache.set(definition, compiled);
  return compiled;
}

function isCompiledForm(value: FormDefinition | CompiledForm): value is CompiledForm {
  return 'order' in value && 'definition' in value;
}
