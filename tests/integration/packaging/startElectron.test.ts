import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `npm start` where the Electron binary is there: a stand-in binary (ELECTRON_OVERRIDE_DIST_PATH, as electron's
// own launcher honours it) records how it was started. Nothing is downloaded: the mirror is a closed loopback port.
describe('npm start with the Electron binary installed', () => {
  it('builds main, preload and renderer, then runs Electron on the app with security warnings on', () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'guichet-electron-stand-in-'));
    const record = path.join(dist, 'started.json');
    writeFileSync(
      path.join(dist, 'electron'),
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), warnings: process.env.ELECTRON_ENABLE_SECURITY_WARNINGS }));\n`,
    );
    chmodSync(path.join(dist, 'electron'), 0o755);

    const result = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_MIRROR: 'http://127.0.0.1:9/', npm_config_electron_mirror: 'http://127.0.0.1:9/' },
      timeout: 240_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('Fetching the Electron binary');
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ args: ['.'], cwd: process.cwd(), warnings: 'true' });
    for (const built of ['dist-electron/main.js', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) expect(() => readFileSync(built), built).not.toThrow();
  }, 300_000);
});
