import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import electron from 'vite-plugin-electron';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
/** Main keeps Node built-ins, Electron and runtime dependencies (native modules among them) outside its bundle. */
const mainExternal = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies ?? {})];

/** zod's sources carry comments Rollup cannot place; the warning is about zod's bundle size, not our code. */
const onwarn = (warning: { code?: string; id?: string; message: string }, warn: (w: never) => void) => {
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
  warn(warning as never);
};

/** An ES module for Node in dist-electron (main, its workers), with dependencies left outside the bundle. */
function nodeEntry(entry: string, fileName: string) {
  return {
    entry: here(entry),
    vite: {
      root: here('.'),
      build: {
        outDir: here('./dist-electron'),
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: here(entry), formats: ['es' as const], fileName: () => fileName },
        rollupOptions: { external: mainExternal, onwarn },
      },
    },
  };
}

/**
 * One config for the three builds: the renderer (root src-renderer -> dist/renderer) and, unless `--mode web`
 * (the dev host needs only the renderer), main (ESM) and the sandboxed preload (one CommonJS file) into dist-electron.
 */
export default defineConfig(({ mode }): UserConfig => ({
  root: here('./src-renderer'),
  base: './',
  plugins: [
    vue(),
    mode === 'web'
      ? []
      : electron([
          nodeEntry('./src-main/main.ts', 'main.js'),
          // Each PKCS#11 module runs in a worker thread (blocking calls never reach main's event loop).
          nodeEntry('./src-main/tokens/worker/pkcs11Worker.ts', 'pkcs11Worker.js'),
          // A module with slot events gets a second thread blocked in C_WaitForSlotEvent.
          nodeEntry('./src-main/tokens/worker/slotEventWorker.ts', 'slotEventWorker.js'),
          // Sync pages are written by a second vault connection in its own thread.
          nodeEntry('./src-main/vault/writer/pageWriterWorker.ts', 'pageWriterWorker.js'),
          {
            entry: here('./src-preload/index.ts'),
            onstart: ({ reload }) => reload(),
            vite: {
              root: here('.'),
              build: {
                outDir: here('./dist-electron'),
                emptyOutDir: false,
                lib: { entry: here('./src-preload/index.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
                // A sandboxed preload can require only 'electron': bundle everything else into it.
                rollupOptions: { external: ['electron'], output: { inlineDynamicImports: true }, onwarn },
              },
            },
          },
        ]),
  ],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: { onwarn },
  },
}));
