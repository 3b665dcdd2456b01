import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';

// The Electron binary cannot be downloaded here, so electron-builder packs around a stand-in binary that carries
// Electron's fuse sentinel: enough to check what the package holds and which fuses the config flips.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 9;

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
      ['node_modules/electron-builder/cli.js', '--dir', '--linux', `-c.electronDist=${stub}`, '-c.electronVersion=38.8.6', '-c.npmRebuild=false', `-c.directories.output=${output}`],
      { stdio: 'pipe' },
    );
    files = listPackage(path.join(unpacked, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 240_000);

  it('holds the built main, preload and renderer', () => {
    for (const file of ['/dist-electron/main.js', '/dist-electron/pkcs11Worker.js', '/dist-electron/pageWriterWorker.js', '/dist-electron/preload.cjs', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(file);
  });

  it('leaves out the dev host, tests, sources and source maps', () => {
    expect(files.filter((file) => /^\/(tools|tests|src-[a-z]+)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map') && !file.includes('/node_modules/'))).toEqual([]);
    expect(files.some((file) => file.startsWith('/node_modules/ws/'))).toBe(false);
    expect(files.some((file) => file.startsWith('/node_modules/vue/'))).toBe(false);
  });

  it('ships the PDF fonts with their licence, the bundled form definitions and the API document as resources', () => {
    for (const file of ['fonts/DejaVuSans.ttf', 'fonts/LICENSE-DejaVu.txt', 'forms/index.json', 'forms/housing-aid.json', 'api/authority.openapi.yaml', 'policy/policy.schema.json', 'policy/policy.example.json', 'policy/README.md']) {
      expect(existsSync(path.join(unpacked, 'resources', file)), file).toBe(true);
    }
  });

  it('unpacks the native modules from the ASAR', () => {
    for (const mod of ['better-sqlite3-multiple-ciphers', 'pkcs11js']) {
      const dir = path.join(unpacked, 'resources/app.asar.unpacked/node_modules', mod);
      expect(existsSync(dir), mod).toBe(true);
    }
  });

  it('flips the security fuses (RunAsNode, NODE_OPTIONS, inspect off; ASAR integrity and ASAR-only on)', () => {
    // Fuse order (@electron/fuses FuseV1Options): RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, ...
    const wire = readFuses(path.join(unpacked, 'guichet-desktop'));
    expect(wire.slice(0, 6)).toBe('010011');
  });
});
