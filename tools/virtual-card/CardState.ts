import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * What a card keeps in its own memory across power cycles: reference data and retry counters. The PIN and PUK are
 * stored in clear: this is a test card on the developer's machine, and the tests read the state back.
 */
export interface CardState {
  pin: string;
  puk: string;
  pinTriesLeft: number;
  pukTriesLeft: number;
  pinMaxTries: number;
  pukMaxTries: number;
}

export const DEFAULT_PIN = '123456';
export const DEFAULT_PUK = '12345678';

export function newCardState(pin = DEFAULT_PIN, puk = DEFAULT_PUK): CardState {
  return { pin, puk, pinTriesLeft: 3, pukTriesLeft: 3, pinMaxTries: 3, pukMaxTries: 3 };
}

/** The state in `file`, or a new one (written there) when the card was never used. */
export function loadCardState(file: string, fresh: () => CardState): CardState {
  if (!existsSync(file)) {
    const state = fresh();
    saveCardState(file, state);
    return state;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as CardState;
}

/**
 * Written before the card answers, through a rename, as a card writes its counter before it checks a PIN: a card
 * pulled or killed mid-command never loses a decrement.
 */
export function saveCardState(file: string, state: CardState): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}
