import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';
import { TokenService } from '../../../../src-main/tokens/TokenService';
import { createInProcessChannel } from '../../../../src-main/tokens/createInProcessChannel';
import { FakePkcs11, type FakeToken } from './FakePkcs11';
import { makeTestCertificate } from './makeTestCertificate';
import * as x509 from '@peculiar/x509';

export const DOUBLE_PATH = '/fake/libdouble.so';
export const DOUBLE_ID = 'libdouble-test';

/** A TokenService whose one module is the PKCS#11 test double, run in-process (it never blocks). */
export async function createDoubleService(tokens: Partial<FakeToken>[], options: { ec?: boolean; alwaysAuthenticate?: boolean } = {}) {
  const fake = new FakePkcs11();
  const auth = await makeTestCertificate({
    subject: 'C=LU, CN=Test Person, 2.5.4.5=10000000000000000099',
    keyUsage: x509.KeyUsageFlags.digitalSignature,
    ec: options.ec,
  });
  for (const [i, t] of tokens.entries()) {
    fake.tokens.push({
      slotId: i + 1,
      label: `Card ${i + 1}`,
      serial: `SERIAL${i + 1}`,
      pin: '1234',
      retriesLeft: 3,
      maxRetries: 3,
      present: true,
      keys: [{ idHex: '01', label: 'Authentication', key: auth.key, certificateDer: auth.der, alwaysAuthenticate: options.alwaysAuthenticate }],
      ...t,
    });
  }
  const log = createMemoryLogger();
  const service = new TokenService({
    entries: [{ id: DOUBLE_ID, name: 'double', path: DOUBLE_PATH, source: 'extra' }],
    log,
    pollIntervalMs: 50,
    moduleExists: () => true,
    createChannel: (libraryPath) => createInProcessChannel(libraryPath, () => fake.binding()),
  });
  return { fake, service, log, certificate: auth.der };
}
