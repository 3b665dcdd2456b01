import type { z } from 'zod';
import type { CallSpec } from '../../../src-shared/contract/define';

// Field names that say a value is a file-system path or code to load. Inputs take handles from main's pickers instead.
const SUSPECT = /^(path|paths|filePath|file|files|dir|directory|folder|modulePath|modules|pkcs11Modules|library|libraryPath|dest|destination|target|location)$/i;

/** Every renderer-facing input field (call.path.to.field) whose name says it carries a path or a module to load. */
export function pathLikeInputs(calls: Record<string, CallSpec>): string[] {
  const hits: string[] = [];
  const walk = (schema: z.ZodType | undefined, at: string, depth: number): void => {
    const def = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def || depth > 16) return;
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          if (SUSPECT.test(key)) hits.push(`${at}.${key}`);
          walk(value, `${at}.${key}`, depth + 1);
        }
        break;
      case 'array':
        walk(def.element as z.ZodType, `${at}[]`, depth + 1);
        break;
      case 'union':
        for (const option of def.options as z.ZodType[]) walk(option, at, depth + 1);
        break;
      case 'record':
        walk(def.valueType as z.ZodType, `${at}{}`, depth + 1);
        break;
      case 'pipe':
        walk(def.in as z.ZodType, at, depth + 1);
        break;
      case 'lazy':
        walk((def.getter as () => z.ZodType)(), at, depth + 1);
        break;
      default:
        if (def.innerType) walk(def.innerType as z.ZodType, at, depth + 1);
    }
  };
  for (const [name, spec] of Object.entries(calls)) walk(spec.input, name, 0);
  return hits;
}
