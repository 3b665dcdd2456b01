import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';

// The Electron binary cannot be downloaded here, so electron-builder packs around a stand-in binary that carries
// Electron's fuse sentinel: enough to check what the package holds and which fuses the config flips.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;
/** The Electron the app is built for: the installed electron package's version (package.json pins it). */
const ELECTRON_VERSION = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;

function makeStubElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from('1'.repeat(FUSE_COUNT));
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.alloc(16), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_COUNT]), wire, Buffer.alloc(16)]);
  writeFileSync(path.join(dir, 'electron'), binary);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), '');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '');
}

function readFuses(binaryPath: string): string {
  const binary = readFileSync(binaryPath);
  const at = binary.indexOf(FUSE_SENTINEL);
  const length = binary[at + FUSE_SENTINEL.length + 1] ?? 0;
  const start = at + FUSE_SENTINEL.length + 2;
  return binary.subarray(start, start + length).toString('latin1');
}

describe('electron-builder dir target', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'guichet-package-'));
  const output = path.join(work, 'release');
  const unpacked = path.join(output, 'linux-unpacked');
  let files: string[] = [];

  beforeAll(() => {
    const stub = path.join(work, 'electron-stub');
    makeStubElectron(stub);
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    execFileSync(
      process.execPath,
      ['node_modules/electron-builder/cli.js', '--dir', '--linux', `-c.electronDist=${stub}`, `-c.electronVersion=${ELECTRON_VERSION}`, '-c.npmRebuild=false', `-c.directories.output=${output}`],
      { stdio: 'pipe' },
    );
    files = listPackage(path.join(unpacked, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 240_000);

  it('holds the built main, preload and renderer', () => {
    for (const file of ['/dist-electron/main.js', '/dist-electron/pkcs11Worker.js', '/dist-electron/slotEventWorker.js', '/dist-electron/pageWriterWorker.js', '/dist-electron/preload.cjs', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(file);
  });

  it('leaves out the dev host, tests, sources and source maps', () => {
    expect(files.filter((file) => /^\/(tools|tests|src-[a-z]+)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map') && !file.includes('/node_modules/'))).toEqual([]);
    expect(files.some((file) => file.startsWith('/node_modules/ws/'))).toBe(false);
    expect(files.some((file) => file.startsWith('/node_modules/vue/'))).toBe(false);
  });

  it('ships the PDF fonts with their licence, the bundled form definitions, the API document and the OpenSC setting as resources', () => {
    for (const file of ['opensc/opensc.conf', 'fonts/DejaVuSans.ttf', 'fonts/LICENSE-DejaVu.txt', 'forms/index.json', 'forms/housing-aid.json', 'api/authority.openapi.yaml', 'policy/policy.schema.json', 'policy/policy.example.json', 'policy/README.md']) {
      expect(existsSync(path.join(unpacked, 'resources', file)), file).toBe(true);
    }
  });

  it('unpacks the native modules from the ASAR', () => {
    for (const mod of ['better-sqlite3-multiple-ciphers', 'pkcs11js']) {
      const dir = path.join(unpacked, 'resources/app.asar.unpacked/node_modules', mod);
      expect(existsSync(dir), mod).toBe(true);
    }
  });

  it('builds for the Electron that package.json pins', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(ELECTRON_VERSION).toBe(pinned);
  });

  it('carries the demo sandbox only in a chunk that the built main imports dynamically', () => {
    const dir = 'dist-electron';
    const sourcesOf = (file: string) => (JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
    const mainCode = readFileSync(path.join(dir, 'main.js'), 'utf8');
    // Static imports of the bundle's own chunks: `import ... from "./x.js"` or `import "./x.js"` at the top level.
    const staticChunks = [...mainCode.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["'](\.\/[^"']+)["']/gm)].map((match) => path.basename(match[1] as string));
    for (const file of ['main.js', ...staticChunks]) {
      expect(sourcesOf(file).filter((source) => source.includes('src-sandbox/')), file).toEqual([]);
    }
    const sandboxChunks = readdirSync(dir).filter((file) => file.endsWith('.js') && existsSync(path.join(dir, `${file}.map`)) && sourcesOf(file).some((source) => source.includes('src-sandbox/createSandbox.ts')));
    expect(sandboxChunks).toHaveLength(1);
    expect(mainCode).toContain(`import("./${sandboxChunks[0]}")`);
    expect(files).toContain(`/dist-electron/${sandboxChunks[0]}`);
  });

  it('flips the security fuses (RunAsNode, NODE_OPTIONS, inspect off; ASAR integrity and ASAR-only on)', () => {
    // Fuse order (@electron/fuses FuseV1Options): RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, ...
    const wire = readFuses(path.join(unpacked, 'guichet-desktop'));
    expect(wire.slice(0, 6)).toBe('010011');
  });
});
