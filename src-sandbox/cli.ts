import { join } from 'node:path';
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { sandboxDbFile, startSandbox } from './createSandbox';

/**
 * `npm run sandbox -- [--port N] [--host H] [--data DIR] [--reset] [--seed demo|empty] [--require-signature] [--log]`;
 * --require-signature refuses submissions of procedures with sign-in that carry no valid PAdES signature. Env SANDBOX_PORT,
 * SANDBOX_DATA. The data (sandbox.db) and the PKI are kept in DIR across restarts; --reset starts the data over (the
 * seed again, and clients' cursors get 410 cursor-expired); --seed applies to a new or reset database only.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    seed: { type: 'string' },
    reset: { type: 'boolean' },
    'operator-token': { type: 'string' },
    log: { type: 'boolean' },
    'require-signature': { type: 'boolean' },
  },
});

const port = Number(values.port ?? process.env.SANDBOX_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.SANDBOX_PORT}`);
  process.exit(2);
}
const seed = values.seed === 'empty' ? 'empty' : 'demo';
const dataDir = values.data ?? process.env.SANDBOX_DATA ?? join(homedir(), '.guichet-sandbox');

const sandbox = await startSandbox({
  port,
  host: values.host ?? '127.0.0.1',
  dataDir,
  seed,
  reset: values.reset ?? false,
  operatorToken: values['operator-token'] ?? process.env.SANDBOX_OPERATOR_TOKEN,
  log: values.log ?? false,
  requireSignature: values['require-signature'] ?? false,
});
console.log(`Guichet authority SANDBOX (demo, not connected to the administration)`);
console.log(`url            ${sandbox.url}`);
console.log(`api            ${sandbox.apiUrl}`);
console.log(`operator token ${sandbox.operatorToken}`);
// The test identities' PKCS#12 password is documented in the PKI folder (README.txt, pki.json), not printed.
console.log(`pki            ${sandbox.pki.dir} (see README.txt there)`);
console.log(`data           ${sandboxDbFile(dataDir)}${values.reset ? ' (started over)' : ''}`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
