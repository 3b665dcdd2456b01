import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';
import { startReaderStack } from '../../tests/helpers/readerStack/startReaderStack';
import { CARD_COMMANDS, startVirtualCard, type CardCommand } from '../virtual-card/startVirtualCard';

export const VIRTUAL_CARD_PIN = '123456';
export const VIRTUAL_CARD_PUK = '12345678';

/**
 * `npm run dev:web -- --virtual-card`: pcscd with vsmartcard's virtual reader, and in it a virtual PIV card with
 * the demo person's keys from the demo PKI (`<profile>/sandbox/pki`, as --softhsm uses). The app finds it through
 * OpenSC, one of its known modules, as it would a real card. The card's PIN, PUK and counters are kept in
 * `<profile>/virtual-card/card-state.json` across runs, as on a card. Stdin lines remove, insert and kill the card.
 * Development only; needs root (pcscd) and the packages pcscd, vsmartcard-vpcd, opensc-pkcs11.
 */
export async function setUpVirtualCard(userDataDir: string): Promise<{ stateFile: string; stop(): Promise<void> }> {
  const pki = await loadOrCreatePki(path.join(userDataDir, 'sandbox', 'pki'));
  const folder = path.join(userDataDir, 'virtual-card');
  const stackDir = path.join(folder, 'reader-stack');
  await rm(stackDir, { recursive: true, force: true });
  await mkdir(stackDir, { recursive: true, mode: 0o700 });
  // A test run holding the readers answers within seconds or not at all: do not sit waiting for it.
  const stack = await startReaderStack({ dir: stackDir, lockTimeoutMs: 3000 });
  // OpenSC reads it at C_Initialize, in the app's PKCS#11 worker (the environment is the process's).
  process.env.OPENSC_CONF = stack.openscConf;
  const stateFile = path.join(folder, 'card-state.json');
  const card = await startVirtualCard({ host: stack.cardHost, port: stack.readers[0], pki, personId: 'anne-schmit', stateFile, pin: VIRTUAL_CARD_PIN, puk: VIRTUAL_CARD_PUK });
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [word, command] = line.trim().split(/\s+/);
    const done = (what: string) => console.log(`virtual card: ${what}`);
    if (word === 'remove') void card.remove().then(() => done('removed'));
    else if (word === 'insert') void card.insert().then(() => done('inserted'), (error: unknown) => done(String(error)));
    else if (word === 'kill' && (!command || command in CARD_COMMANDS)) {
      card.failOnNext((command ?? 'any') as CardCommand);
      done(`the next ${command ?? 'command'} kills the card`);
    } else if (word === 'state') done(JSON.stringify({ ...card.state(), inserted: card.inserted }));
    else if (word) done(`commands: remove | insert | kill [${Object.keys(CARD_COMMANDS).join('|')}] | state`);
  });
  return {
    stateFile,
    stop: async () => {
      lines.close();
      await card.close();
      await stack.stop();
    },
  };
}
