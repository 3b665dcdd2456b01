import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakePkcs11 } from '../../unit/main/tokens/FakePkcs11';
import type { Pkcs11Binding } from '../../../src-main/tokens/worker/Pkcs11Binding';
import { sharedPkiDir } from '../../helpers/softhsm/softHsm';

/**
 * Loaded inside a module worker (workerData.bindingModule): the PKCS#11 test double as a PIN-pad reader whose login
 * blocks the thread for 1.5 s, like a person typing on the pad. SoftHSM2 has no PIN pad.
 */
export const PIN_PAD_DELAY_MS = 1500;

export function createBinding(): Pkcs11Binding {
  const fake = new FakePkcs11();
  // The sandbox PKI exists by then (the test made it first).
  const person = path.join(sharedPkiDir, 'persons/julie-martin');
  const privateKey = createPrivateKey(readFileSync(path.join(person, 'auth.key.pem'), 'utf8'));
  const certificateDer = readFileSync(path.join(person, 'auth.der'));
  fake.tokens.push({
    slotId: 1,
    label: 'PIN pad card',
    serial: 'PINPAD1',
    pin: '1234',
    retriesLeft: 3,
    maxRetries: 3,
    pinPad: true,
    present: true,
    loginDelayMs: PIN_PAD_DELAY_MS,
    keys: [{ idHex: '01', label: 'Julie Martin Authentication', key: privateKey, certificateDer }],
  });
  return fake.binding();
}
