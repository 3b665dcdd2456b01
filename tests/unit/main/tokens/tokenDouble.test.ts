import { afterEach, describe, expect, it } from 'vitest';
import { X509Certificate, createVerify, createHash, verify } from 'node:crypto';
import { createDoubleService, DOUBLE_ID } from './createDoubleService';
import type { TokenService } from '../../../../src-main/tokens/TokenService';
import { ck } from '../../../../src-main/tokens/worker/ck';

let service: TokenService | null = null;
afterEach(async () => {
  await service?.dispose();
  service = null;
});

const ref = (slotId = '1') => ({ moduleId: DOUBLE_ID, slotId, certificateId: '01' });

/**
 * What neither SoftHSM2 nor the virtual PIV card on the real reader stack (tests/integration/tokens/readerStack.test.ts:
 * lockout, PUK, removal mid-signature and mid-login, context-specific login, two readers, hot-plug) can show: a PIN
 * pad, the COUNT_LOW flag, a session closed underneath, EC keys, and where the PIN bytes go.
 */
describe('tokens with a PKCS#11 test double', () => {
  it('says count low after a wrong PIN, and once locked sends no PIN to the token (test double: OpenSC\'s PIV driver never sets COUNT_LOW; final try and lockout on a real stack: tests/integration/tokens/readerStack.test.ts)', async () => {
    const d = await createDoubleService([{}]);
    service = d.service;
    await service.list();
    const attempt = () => service!.signing.signWithToken({ ...ref(), pin: Buffer.from('9999'), data: Buffer.from('x') });
    const first = await attempt().catch((e: unknown) => e);
    expect(first).toMatchObject({ name: 'WrongPinError', details: { code: 'CKR_PIN_INCORRECT', pin: { countLow: true, finalTry: false, locked: false } } });
    const second = await attempt().catch((e: unknown) => e);
    expect(second).toMatchObject({ name: 'WrongPinError', details: { pin: { finalTry: true } } });
    expect(await service.pins.pinInfo({ moduleId: DOUBLE_ID, slotId: '1' })).toMatchObject({ finalTry: true, locked: false });
    const third = await attempt().catch((e: unknown) => e);
    expect(third).toMatchObject({ name: 'PinLockedError' });
    expect(await service.pins.pinInfo({ moduleId: DOUBLE_ID, slotId: '1' })).toMatchObject({ locked: true });
    // Once locked, even the right PIN is refused before it reaches the card.
    const logins = d.fake.logins.length;
    await expect(service.signing.signWithToken({ ...ref(), pin: Buffer.from('1234'), data: Buffer.from('x') })).rejects.toMatchObject({ name: 'PinLockedError' });
    expect(d.fake.logins.length).toBe(logins);
    // The watcher shows the locked state in the list.
    await expect.poll(async () => (await service!.list()).slots[0]?.token?.pin.locked).toBe(true);
  });

  it('gives SessionClosedError when the session is gone (test double: SoftHSM2 cannot close it underneath)', async () => {
    const d = await createDoubleService([{}]);
    service = d.service;
    await service.list();
    const signer = await service.signing.openSigner({ kind: 'token', ...ref() }, Buffer.from('1234'));
    (d.fake as unknown as { sessions: Map<number, unknown> }).sessions.clear();
    await expect(signer.sign(Buffer.from('x'))).rejects.toMatchObject({ name: 'SessionClosedError' });
    await signer.close();
  });

  it('logs in on a PIN pad with an empty PIN (test double: SoftHSM2 has no PIN pad)', async () => {
    const d = await createDoubleService([{ pinPad: true }, { pinPad: true, pinPadNeedsNull: true }]);
    service = d.service;
    const view = await service.list();
    expect(view.slots.map((s) => s.token?.pin.pinPad)).toEqual([true, true]);
    const result = await service.signing.signWithToken({ ...ref('1'), data: Buffer.from('hello') });
    const v = createVerify('sha256').update('hello');
    expect(v.verify(new X509Certificate(result.certificate).publicKey, result.signature)).toBe(true);
    expect(d.fake.logins.at(-1)).toEqual({ userType: ck.CKU_USER, pinLength: 0 });
    await expect(service.signing.signWithToken({ ...ref('2'), data: Buffer.from('hello') })).rejects.toMatchObject({ name: 'PinPadUnsupportedError' });
  });

  it('asks a PIN of a token without PIN pad when none is given', async () => {
    const d = await createDoubleService([{}]);
    service = d.service;
    await service.list();
    await expect(service.signing.signWithToken({ ...ref(), data: Buffer.from('x') })).rejects.toMatchObject({ name: 'PinRequiredError', kind: 'expected' });
  });

  it('signs a digest with DigestInfo (CKM_RSA_PKCS) and EC keys with DER ECDSA', async () => {
    const rsa = await createDoubleService([{}]);
    service = rsa.service;
    await service.list();
    const digest = createHash('sha256').update('payload').digest();
    const r = await service.signing.signWithToken({ ...ref(), pin: Buffer.from('1234'), digest });
    expect(verify('sha256', Buffer.from('payload'), new X509Certificate(r.certificate).publicKey, r.signature)).toBe(true);
    await service.dispose();

    const ec = await createDoubleService([{}], { ec: true });
    service = ec.service;
    await service.list();
    const e = await service.signing.signWithToken({ ...ref(), pin: Buffer.from('1234'), data: Buffer.from('payload') });
    expect(e.algorithm).toBe('ECDSA-SHA256');
    expect(e.signature[0]).toBe(0x30);
    expect(verify('sha256', Buffer.from('payload'), new X509Certificate(e.certificate).publicKey, e.signature)).toBe(true);
    await expect(service.signing.signWithToken({ ...ref(), pin: Buffer.from('1234'), data: Buffer.from('x'), mechanism: 'sha256-rsa-pkcs' })).rejects.toMatchObject({
      name: 'MechanismUnsupportedError',
    });
  });

  it('zero-fills the PIN it was given and never logs it or puts it in an error', async () => {
    const d = await createDoubleService([{}]);
    service = d.service;
    await service.list();
    const pin = Buffer.from('8642');
    const error = await service.signing.signWithToken({ ...ref(), pin, data: Buffer.from('x') }).catch((e: unknown) => e);
    expect(pin.every((b) => b === 0)).toBe(true);
    const good = Buffer.from('1234');
    await service.signing.signWithToken({ ...ref(), pin: good, data: Buffer.from('x') });
    expect(good.every((b) => b === 0)).toBe(true);
    const oldPin = Buffer.from('1234');
    const newPin = Buffer.from('5678');
    await service.pins.changePin({ moduleId: DOUBLE_ID, slotId: '1' }, oldPin, newPin);
    expect([...oldPin, ...newPin].every((b) => b === 0)).toBe(true);
    expect(d.fake.tokens[0]!.pin).toBe('5678');
    const everything = JSON.stringify({ logs: d.log.entries, error, details: (error as { details: unknown }).details });
    for (const secret of ['8642', '1234', '5678']) expect(everything).not.toContain(secret);
  });

});
