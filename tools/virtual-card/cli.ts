import path from 'node:path';
import readline from 'node:readline';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';
import { CARD_COMMANDS, startVirtualCard, type CardCommand } from './startVirtualCard';

/**
 * A virtual PIV card in vpcd's reader, for manual use and for spawnVirtualCard (tests whose PKCS#11 calls block
 * their own event loop cannot host the card in-process).
 *   tsx tools/virtual-card/cli.ts --pki=DIR --state=FILE [--host=127.0.0.1] [--port=35963] [--person=anne-schmit] [--pin=] [--puk=] [--removed] [--trace]
 * Then stdin lines: insert | remove | kill [command] | state | quit. Each is answered "ok <line>" or "error <why>".
 * `kill` makes the next APDU (or the next of that command: verify, generalAuthenticate...) drop the connection.
 */
const arg = (name: string) => process.argv.find((item) => item.startsWith(`--${name}=`))?.slice(name.length + 3);
const pkiDir = arg('pki');
const stateFile = arg('state');
if (!pkiDir || !stateFile) {
  console.error('usage: cli.ts --pki=DIR --state=FILE [--host=127.0.0.1] [--port=35963] [--person=anne-schmit] [--pin=PIN] [--puk=PUK] [--removed] [--trace]');
  process.exit(2);
}
const pki = await loadOrCreatePki(path.resolve(pkiDir));
const card = await startVirtualCard({
  port: Number(arg('port') ?? 0x8c7b),
  host: arg('host'),
  pki,
  personId: arg('person') ?? 'anne-schmit',
  stateFile: path.resolve(stateFile),
  pin: arg('pin'),
  puk: arg('puk'),
  inserted: !process.argv.includes('--removed'),
  trace: process.argv.includes('--trace') ? (command, response) => console.log(`apdu ${command} -> ${response}`) : undefined,
});
console.log(`ready ${card.inserted ? 'inserted' : 'removed'}`);

const commands: Record<string, (rest: string) => Promise<void> | void> = {
  insert: () => card.insert(),
  remove: () => card.remove(),
  kill: (rest) => {
    const command = (rest || 'any') as CardCommand;
    if (command !== 'any' && !(command in CARD_COMMANDS)) throw new Error(`no command "${rest}" (${Object.keys(CARD_COMMANDS).join(', ')})`);
    card.failOnNext(command);
  },
  state: () => console.log(`state ${JSON.stringify({ ...card.state(), inserted: card.inserted, apduCount: card.apduCount })}`),
  quit: async () => {
    await card.close();
    console.log('ok quit');
    process.exit(0);
  },
};

const lines = readline.createInterface({ input: process.stdin });
// Handled one after the other, so a remove and an insert typed together happen in that order.
let queue = Promise.resolve();
lines.on('line', (line) => {
  const [word = '', ...rest] = line.trim().split(/\s+/);
  if (!word) return;
  queue = queue.then(async () => {
    const command = commands[word];
    if (!command) return console.log(`error unknown command "${word}" (insert, remove, kill [command], state, quit)`);
    try {
      await command(rest.join(' '));
      console.log(`ok ${line.trim()}`);
    } catch (error) {
      console.log(`error ${error instanceof Error ? error.message : String(error)}`);
    }
  });
});
lines.on('close', () => void commands.quit!(''));
