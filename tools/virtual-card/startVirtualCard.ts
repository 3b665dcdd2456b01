import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PkiManifest } from '../../src-sandbox/pki/createPki';
import { VIRTUAL_CARD_ATR } from './atr';
import { loadCardState, newCardState, saveCardState, type CardState } from './CardState';
import { connectToVpcd, type VpcdConnection } from './connectToVpcd';
import { PivCard, type PivKey } from './PivCard';

/** Commands `failOnNext` can interrupt, by their INS byte. */
export const CARD_COMMANDS = {
  select: 0xa4,
  getData: 0xcb,
  verify: 0x20,
  changeReferenceData: 0x24,
  resetRetryCounter: 0x2c,
  generalAuthenticate: 0x87,
} as const;
/** A command name, or 'any' for whatever APDU comes next. */
export type CardCommand = keyof typeof CARD_COMMANDS | 'any';

export interface VirtualCardOptions {
  /** vpcd's port: 35963 for the first virtual reader, 35964 for the second. */
  port: number;
  host?: string;
  pki: PkiManifest;
  /** A person of the sandbox PKI (e.g. 'anne-schmit'): auth in slot 9A, qualified signature in 9C. */
  personId: string;
  /** JSON file with the PIN, PUK and counters; made with `pin`/`puk` (defaults 123456 / 12345678) when missing. */
  stateFile: string;
  pin?: string;
  puk?: string;
  /** Insert the card at start (default true). */
  inserted?: boolean;
  /** Each APDU and its answer, in hex: to see what the middleware sends. */
  trace?: (command: string, response: string) => void;
}

export interface VirtualCard {
  /** Connects to vpcd (the card goes in); waits up to 5 s for vpcd to listen. Does nothing when inserted. */
  insert(): Promise<void>;
  /** Closes the connection (the card comes out). */
  remove(): Promise<void>;
  /**
   * The next `command` drops the connection instead of answering, before it has any effect: the card was pulled
   * or died while working. The card then stays out until `insert()`.
   */
  failOnNext(command: CardCommand): void;
  /** A copy of the PIN, PUK and counters as the card holds them (and the state file). */
  state(): CardState;
  readonly inserted: boolean;
  /** APDUs answered since start. */
  readonly apduCount: number;
  close(): Promise<void>;
}

/** Reads a person's two identities from the sandbox PKI (PEM files relative to the PKI folder). */
function personKeys(pki: PkiManifest, personId: string): { auth: PivKey; sign: PivKey } {
  const person = pki.persons[personId];
  if (!person) throw new Error(`no person "${personId}" in the PKI at ${pki.dir}`);
  const load = (identity: { certFile: string; keyFile: string }): PivKey => ({
    privateKey: createPrivateKey(readFileSync(path.join(pki.dir, identity.keyFile))),
    certificateDer: Buffer.from(new X509Certificate(readFileSync(path.join(pki.dir, identity.certFile))).raw),
  });
  return { auth: load(person.auth), sign: load(person.sign) };
}

/** A PIV card with a sandbox person's keys, in one of vpcd's virtual readers (pcscd must run with the vpcd driver). */
export async function startVirtualCard(options: VirtualCardOptions): Promise<VirtualCard> {
  const host = options.host ?? '127.0.0.1';
  const keys = personKeys(options.pki, options.personId);
  const state = loadCardState(options.stateFile, () => newCardState(options.pin, options.puk));
  // A GUID of its own per person and certificate, so two cards in two readers are two tokens to OpenSC.
  const guid = createHash('sha256').update(options.personId).update(keys.auth.certificateDer).digest().subarray(0, 16);
  const card = new PivCard({ keys: { '9a': keys.auth, '9c': keys.sign }, guid, state, onStateChange: (next) => saveCardState(options.stateFile, next) });
  let connection: VpcdConnection | null = null;
  let failing: number | 'any' | null = null;
  let apduCount = 0;

  const onApdu = (apdu: Buffer): Buffer | null => {
    if (failing === 'any' || (failing !== null && apdu[1] === failing)) {
      failing = null;
      return null;
    }
    const response = card.handle(apdu);
    apduCount++;
    options.trace?.(apdu.toString('hex'), response.toString('hex'));
    return response;
  };

  const insert = async () => {
    if (connection) return;
    const deadline = Date.now() + 5000;
    for (;;) {
      try {
        card.reset();
        const opened = await connectToVpcd(host, options.port, { atr: VIRTUAL_CARD_ATR, onApdu, onPowerEvent: () => card.reset() });
        connection = opened;
        void opened.closed.then(() => {
          if (connection === opened) connection = null;
        });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no virtual reader listens on ${host}:${options.port} (is pcscd running with the vpcd driver?): ${String(error)}`);
        await new Promise((settle) => setTimeout(settle, 50));
      }
    }
  };
  const remove = async () => {
    const open = connection;
    if (!open) return;
    connection = null;
    open.close();
    await open.closed;
  };

  if (options.inserted !== false) await insert();
  return {
    insert,
    remove,
    failOnNext: (command) => {
      failing = command === 'any' ? 'any' : CARD_COMMANDS[command];
    },
    state: () => ({ ...card.state }),
    get inserted() {
      return connection !== null;
    },
    get apduCount() {
      return apduCount;
    },
    close: remove,
  };
}
