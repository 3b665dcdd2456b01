#!/usr/bin/env node
// `npm start`: builds the app and runs it in Electron. The Electron binary is fetched on first start (npm's
// allowScripts keeps electron's own download from running at install time, so machines without access to
// Electron's download servers can still install and test everything else).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
const { existsSync } = await import('node:fs');
if (!electronPath || !existsSync(electronPath)) {
  console.log('Fetching the Electron binary (first start)...');
  run(process.execPath, [require.resolve('electron/install.js')]);
  electronPath = require('electron');
}
run(process.execPath, [require.resolve('vite/bin/vite.js'), 'build']);
run(electronPath, ['.'], { env: { ...process.env, ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' } });
