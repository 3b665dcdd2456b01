import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from its built file next to main's bundle (`dist-electron/<builtName>`) or, when running
 * from the sources (tests, dev host), from its TypeScript entry through tsx's loader.
 */
export function startWorker(options: { builtName: string; source: string; workerData?: unknown }): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, options.builtName);
  if (existsSync(built)) return new Worker(built, { workerData: options.workerData });
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = pathToFileURL(options.source).href;
  const code = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(code, { eval: true, workerData: options.workerData });
}
