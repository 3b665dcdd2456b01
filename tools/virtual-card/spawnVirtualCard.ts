import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CardState } from './CardState';
import type { CardCommand, VirtualCardOptions } from './startVirtualCard';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

export interface SpawnedVirtualCard {
  insert(): Promise<void>;
  remove(): Promise<void>;
  /** As VirtualCard.failOnNext: the next `command` (default: any APDU) drops the connection unanswered. */
  failOnNext(command?: CardCommand): Promise<void>;
  /** The state file: the card writes it before it answers, so it is current after each PKCS#11 call. */
  state(): CardState;
  /** Whether the card is in the reader, and how many APDUs it answered. */
  status(): Promise<{ inserted: boolean; apduCount: number }>;
  readonly pid: number;
  close(): Promise<void>;
}

/**
 * The virtual card in a child process (tools/virtual-card/cli.ts under tsx). Needed wherever PKCS#11 is called
 * synchronously (pkcs11js in a test, or the app on its main thread): a card in the same process could not answer
 * while the call blocks its event loop.
 */
export async function spawnVirtualCard(options: Omit<VirtualCardOptions, 'trace'> & { trace?: boolean }): Promise<SpawnedVirtualCard> {
  const args = [
    '--import',
    'tsx',
    cli,
    `--port=${options.port}`,
    ...(options.host ? [`--host=${options.host}`] : []),
    `--pki=${options.pki.dir}`,
    `--person=${options.personId}`,
    `--state=${options.stateFile}`,
    ...(options.pin ? [`--pin=${options.pin}`] : []),
    ...(options.puk ? [`--puk=${options.puk}`] : []),
    ...(options.inserted === false ? ['--removed'] : []),
    ...(options.trace ? ['--trace'] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => boolean> = [];
  let exited = false;
  const exit = new Promise<void>((settle) =>
    child.once('exit', () => {
      exited = true;
      settle();
    }),
  );
  lines.on('line', (line) => {
    if (options.trace && line.startsWith('apdu ')) console.log(line);
    const index = waiting.findIndex((accepts) => accepts(line));
    if (index !== -1) waiting.splice(index, 1);
  });
  const next = (predicate: (line: string) => boolean, what: string) =>
    new Promise<string>((resolve, reject) => {
      void exit.then(() => reject(new Error(`the virtual card process exited while waiting for ${what}`)));
      waiting.push((line) => {
        if (line.startsWith('error ')) {
          reject(new Error(`virtual card: ${line.slice(6)}`));
          return true;
        }
        if (!predicate(line)) return false;
        resolve(line);
        return true;
      });
    });
  const send = async (line: string) => {
    if (exited) throw new Error('the virtual card process has exited');
    const answer = next((reply) => reply === `ok ${line}`, line);
    child.stdin.write(`${line}\n`);
    await answer;
  };
  await next((line) => line.startsWith('ready '), 'the card to start');
  const pid = child.pid!;
  return {
    insert: () => send('insert'),
    remove: () => send('remove'),
    failOnNext: (command = 'any') => send(`kill ${command}`),
    state: () => JSON.parse(readFileSync(options.stateFile, 'utf8')) as CardState,
    status: async () => {
      const line = next((reply) => reply.startsWith('state '), 'the state');
      await send('state');
      const parsed = JSON.parse((await line).slice(6)) as { inserted: boolean; apduCount: number };
      return { inserted: parsed.inserted, apduCount: parsed.apduCount };
    },
    pid,
    close: async () => {
      if (exited) return;
      child.stdin.end('quit\n');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(killer);
    },
  };
}
