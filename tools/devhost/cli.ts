import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createConsoleLogger } from '../../src-main/log/createConsoleLogger';
import { startDevHost } from './startDevHost';
import { setUpDemoToken } from './setUpDemoToken';
import { setUpVirtualCard, VIRTUAL_CARD_PIN, VIRTUAL_CARD_PUK } from './setUpVirtualCard';
import { readPolicyFile } from '../../src-main/policy/readPolicyFile';
import { PolicyError } from '../../src-main/policy/PolicyError';
import { policyErrorText } from '../../src-main/policy/policyErrorText';
import { NO_POLICY } from '../../src-main/policy/MachinePolicy';

// `npm run dev:web`: the app in a browser, through the development host. Not part of the packaged app.
const portArg = process.argv.find((arg) => arg.startsWith('--port='));
const systemLocales = [Intl.DateTimeFormat().resolvedOptions().locale];
// --policy=FILE: a policy in the Linux format (see README), to try what an administrator would deploy.
const policyArg = process.argv.find((arg) => arg.startsWith('--policy='));
let policy = NO_POLICY;
if (policyArg) {
  try {
    policy = await readPolicyFile(path.resolve(policyArg.slice('--policy='.length)));
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const text = policyErrorText(error, systemLocales);
    console.error(`${text.title}\n\n${text.body}`);
    process.exit(2);
  }
  if (!policy.source) console.warn(`No policy file at ${policyArg.slice('--policy='.length)}: running without a policy.`);
}
// --files=DIR: the folder whose files the page's file dialogs offer (backups, PKCS#12 files, PKCS#11 libraries).
const filesArg = process.argv.find((arg) => arg.startsWith('--files='));
const filesDir = filesArg ? path.resolve(filesArg.slice('--files='.length).replace(/^~(?=$|\/)/, os.homedir())) : undefined;
const userDataDir = process.env.GUICHET_USER_DATA ?? path.join(os.homedir(), '.config', 'guichet-desktop-dev');
// --softhsm: a SoftHSM2 token with the demo person's keys (the demo's own PKI), to sign in with a card as in the app.
let demoToken: { module: string; created: boolean } | null = null;
if (process.argv.includes('--softhsm')) demoToken = await setUpDemoToken(userDataDir);
// --virtual-card: the demo person on a virtual PIV card in a virtual PC/SC reader, reached through OpenSC.
const virtualCard = process.argv.includes('--virtual-card') ? await setUpVirtualCard(userDataDir) : null;
const rendererRoot = path.resolve('dist/renderer');
if (!existsSync(path.join(rendererRoot, 'index.html'))) {
  console.error('dist/renderer is missing: run `npm run build:renderer` first (npm run dev:web does).');
  process.exit(1);
}
const host = await startDevHost({
  rendererRoot,
  userDataDir,
  log: createConsoleLogger('info'),
  port: portArg ? Number(portArg.split('=')[1]) : Number(process.env.DEVHOST_PORT ?? 0),
  systemLocales,
  policy,
  filesDir,
  ...(demoToken ? { extraPkcs11Modules: [demoToken.module] } : {}),
});
console.log(`Guichet Desktop (dev host) at ${host.url}`);
console.log(`Profile folder: ${userDataDir}`);
if (policy.source) console.log(`Policy: ${policy.source}`);
if (demoToken) console.log(`Demo token "Anne Schmit (demo)" in SoftHSM2 (${process.env.SOFTHSM2_CONF}); its PIN is in the README.`);
if (virtualCard) {
  console.log(`Virtual PIV card "Anne Schmit" in the reader "Virtual PCD 00 00" (OpenSC), PIN ${VIRTUAL_CARD_PIN}, PUK ${VIRTUAL_CARD_PUK}; PIN counters in ${virtualCard.stateFile}.`);
  console.log('  Type remove, insert, kill [verify|generalAuthenticate|...] (the card dies at its next command) or state, then Enter.');
}
console.log(filesDir ? `File dialogs offer the files in ${filesDir}` : 'No file dialogs: start with --files=DIR to choose files from DIR.');
const stop = () => {
  void host
    .close()
    .then(() => virtualCard?.stop())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
