import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const indexSchema = z.object({ forms: z.array(z.object({ id: z.string(), file: z.string().regex(/^[a-z0-9-]+\.json$/) })) });

/** Where the bundled fixture definitions live: beside the sources (dev, tests) or the working folder's resources. */
export function defaultFormsDir(): string {
  return fileURLToPath(new URL('../../resources/forms/', import.meta.url));
}

/** Reads index.json and each definition it lists, as untrusted JSON (the caller checks them with parseFormDefinition). */
export async function loadBundledForms(dir: string): Promise<Array<{ file: string; json: unknown }>> {
  const index = indexSchema.parse(JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')));
  return Promise.all(
    index.forms.map(async (entry) => ({ file: entry.file, json: JSON.parse(await readFile(path.join(dir, entry.file), 'utf8')) as unknown })),
  );
}
