#!/usr/bin/env node
// `npm start`: builds the app and runs it in Electron. The Electron binary is fetched on first start (it is not part
// of `npm install`, so machines without access to Electron's download servers can still install and test
// everything else). Where it cannot be fetched, this says so in one sentence and points to `npm run dev:web`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const IN_A_BROWSER = '`npm run dev:web` runs the same app in a browser.';
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const fail = (what) => {
  console.error(`${what}, so the desktop app cannot start here; ${IN_A_BROWSER}`);
  process.exit(1);
};

let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  fail('The electron package is not installed (run `npm install`)');
}

/**
 * The binary, if it is there. Looked up as electron's own index.js does, but without its fallback: requiring
 * electron would start a download and print its stack when that fails.
 */
function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable || 'electron') : executable ? path.join(electronDir, 'dist', executable) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** The download's error, as a short phrase: its message without the error's class name or its stack. */
function reasonOf(output) {
  const line = output.split('\n').find((text) => /^\s*\w*Error\b/.test(text)) ?? output.split('\n').find((text) => text.trim()) ?? '';
  const message = line.replace(/^\s*\w*Error:?\s*/, '').trim();
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}

let electronPath = installedBinary();
if (!electronPath) {
  console.log('Fetching the Electron binary (first start, about 100 MB)...');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  electronPath = result.status === 0 ? installedBinary() : null;
  if (!electronPath) {
    const reason = result.error ? result.error.message : reasonOf(result.stderr ?? '');
    fail(`Electron's binary is not installed and could not be downloaded${reason ? ` (${reason})` : ''}`);
  }
}
// vite's package exports do not include its CLI file: go through package.json (exported) to its folder.
run(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js'), 'build']);
run(electronPath, ['.'], { env: { ...process.env, ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' } });
