import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createConsoleLogger } from '../../src-main/log/createConsoleLogger';
import { startDevHost } from './startDevHost';

// `npm run dev:web`: the app in a browser, through the development host. Not part of the packaged app.
const rendererRoot = path.resolve('dist/renderer');
if (!existsSync(path.join(rendererRoot, 'index.html'))) {
  console.error('dist/renderer is missing: run `npm run build:renderer` first (npm run dev:web does).');
  process.exit(1);
}
const portArg = process.argv.find((arg) => arg.startsWith('--port='));
const userDataDir = process.env.GUICHET_USER_DATA ?? path.join(os.homedir(), '.config', 'guichet-desktop-dev');
const host = await startDevHost({
  rendererRoot,
  userDataDir,
  log: createConsoleLogger('info'),
  port: portArg ? Number(portArg.split('=')[1]) : Number(process.env.DEVHOST_PORT ?? 0),
  systemLocales: [Intl.DateTimeFormat().resolvedOptions().locale],
});
console.log(`Guichet Desktop (dev host) at ${host.url}`);
console.log(`Profile folder: ${userDataDir}`);
const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
