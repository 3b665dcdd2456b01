import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the module worker's code is. A build puts `pkcs11Worker.js` next to the bundle of main; from the sources
 * (tests, dev host) the TypeScript entry runs through tsx's loader.
 */
export function workerEntry(): { kind: 'file'; file: string } | { kind: 'eval'; code: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const built of [path.join(here, 'pkcs11Worker.js'), path.join(here, 'worker', 'pkcs11Worker.js')]) {
    if (existsSync(built)) return { kind: 'file', file: built };
  }
  const source = path.join(here, 'worker', 'pkcs11Worker.ts');
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = pathToFileURL(source).href;
  return {
    kind: 'eval',
    code: `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`,
  };
}
