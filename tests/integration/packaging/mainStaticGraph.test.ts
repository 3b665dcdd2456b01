import { describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What the production main loads at start: the entry chunk and every chunk it imports statically. The demo sandbox
// (fastify, its test PKI, demo data) may only come in through a dynamic import, in demo mode.
async function bundleMain(): Promise<Metafile> {
  const result = await build({
    absWorkingDir: process.cwd(),
    entryPoints: ['src-main/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Like vite.config.ts: Electron, Node's built-ins and the packages stay outside the bundle.
    packages: 'external',
    external: ['electron'],
    outdir: mkdtempSync(path.join(os.tmpdir(), 'guichet-main-graph-')),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The outputs reached from `from` by the given import kinds (the bundle's own chunks only). */
function reachable(metafile: Metafile, from: string[], kinds: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length > 0) {
    const output = queue.pop() as string;
    if (seen.has(output)) continue;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (!imported.external && kinds.has(imported.kind)) queue.push(imported.path);
    }
  }
  return seen;
}

const inputsOf = (metafile: Metafile, outputs: Iterable<string>) => [...outputs].flatMap((output) => Object.keys(metafile.outputs[output]?.inputs ?? {}));

describe('production main static import graph', () => {
  it('leaves the demo sandbox out of what main loads at start, and reaches it only by a dynamic import', async () => {
    const metafile = await bundleMain();
    const entries = Object.entries(metafile.outputs).filter(([, output]) => output.entryPoint === 'src-main/main.ts').map(([file]) => file);
    expect(entries).toHaveLength(1);

    const atStart = reachable(metafile, entries, new Set(['import-statement']));
    const loadedAtStart = inputsOf(metafile, atStart);
    // The check is about something: main's own wiring is in the start graph.
    expect(loadedAtStart).toContain('src-main/createMainContext.ts');
    expect(loadedAtStart.filter((input) => input.startsWith('src-sandbox/'))).toEqual([]);

    // ...and the sandbox is still in the build, behind a dynamic import (demo mode keeps working).
    const lazily = reachable(metafile, entries, new Set(['import-statement', 'dynamic-import']));
    expect(inputsOf(metafile, lazily)).toContain('src-sandbox/createSandbox.ts');
  });
});
