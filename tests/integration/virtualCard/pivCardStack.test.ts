import { X509Certificate, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkcs11ns from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PkiManifest } from '../../../src-sandbox/pki/createPki';
import { spawnVirtualCard, type SpawnedVirtualCard } from '../../../tools/virtual-card/spawnVirtualCard';
import { startReaderStack, type ReaderStack } from '../../helpers/readerStack/startReaderStack';
import { testPki } from '../../helpers/softhsm/softHsm';

// pkcs11js is CommonJS: under plain Node ESM its constants are only on the default export.
const pkcs11js: typeof pkcs11ns = (pkcs11ns as unknown as { default?: typeof pkcs11ns }).default ?? pkcs11ns;

const CKF_USER_PIN_COUNT_LOW = 0x10000;
const CKF_USER_PIN_FINAL_TRY = 0x20000;
const CKF_USER_PIN_LOCKED = 0x40000;
const PIN = '123456';
const PUK = '12345678';

/**
 * The whole real-reader path: pkcs11js -> OpenSC's PKCS#11 module -> pcscd -> vpcd -> the virtual PIV card (in a
 * child process, since pkcs11js's calls block this one). Nothing here is a test double of OpenSC or pcscd.
 */
describe('a virtual PIV card in a virtual PC/SC reader, through OpenSC', () => {
  let dir: string;
  let stack: ReaderStack;
  let card: SpawnedVirtualCard;
  let pki: PkiManifest;
  let p11: pkcs11ns.PKCS11;
  let stateFile: string;
  const timings: Record<string, number> = {};

  const certDer = (file: string) => Buffer.from(new X509Certificate(readFileSync(path.join(pki.dir, file))).raw);
  const tokenSlots = () => p11.C_GetSlotList(true);
  const waitForTokens = async (count: number) => {
    const deadline = Date.now() + 5000;
    while (tokenSlots().length !== count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} token(s), have ${tokenSlots().length}`);
      await new Promise((settle) => setTimeout(settle, 50));
    }
  };
  const slot = () => tokenSlots()[0]!;
  const tokenFlags = () => p11.C_GetTokenInfo(slot()).flags;
  const findOne = (session: Buffer, template: pkcs11ns.Template): Buffer => {
    p11.C_FindObjectsInit(session, template);
    const found = p11.C_FindObjects(session, 2);
    p11.C_FindObjectsFinal(session);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const signWithKeyOf = (session: Buffer, certificate: Buffer, data: Buffer, contextPin?: string): Buffer => {
    const certObject = findOne(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_VALUE, value: certificate },
    ]);
    const [id] = p11.C_GetAttributeValue(session, certObject, [{ type: pkcs11js.CKA_ID }]);
    const key = findOne(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: id!.value as Buffer },
    ]);
    p11.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);
    if (contextPin !== undefined) p11.C_Login(session, pkcs11js.CKU_CONTEXT_SPECIFIC, contextPin);
    return p11.C_Sign(session, data, Buffer.alloc(512));
  };
  const openSession = (rw = false) => p11.C_OpenSession(slot(), pkcs11js.CKF_SERIAL_SESSION | (rw ? pkcs11js.CKF_RW_SESSION : 0));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-reader-stack-'));
    stateFile = path.join(dir, 'card-state.json');
    let started = Date.now();
    stack = await startReaderStack({ dir });
    timings.stackMs = Date.now() - started;
    // OpenSC reads its configuration at C_Initialize.
    process.env.OPENSC_CONF = stack.openscConf;
    pki = await testPki();
    started = Date.now();
    card = await spawnVirtualCard({ host: stack.cardHost, port: stack.readers[0], pki, personId: 'anne-schmit', stateFile, trace: !!process.env.CARD_TRACE });
    timings.cardProcessMs = Date.now() - started;
    p11 = new pkcs11js.PKCS11();
    p11.load(stack.openscModule);
    p11.C_Initialize();
    started = Date.now();
    await waitForTokens(1);
    timings.tokenVisibleMs = Date.now() - started;
  });

  afterAll(async () => {
    try {
      p11?.C_Finalize();
      p11?.close();
    } finally {
      await card?.close();
      await stack?.stop();
      delete process.env.OPENSC_CONF;
      rmSync(dir, { recursive: true, force: true });
      console.log(`reader stack timings: ${JSON.stringify(timings)}`);
    }
  });

  it('shows the person as a token with the authentication and the qualified signature certificate', () => {
    const info = p11.C_GetTokenInfo(slot());
    expect(info.label.trim()).toBe('Anne Schmit');
    expect(info.flags & pkcs11js.CKF_LOGIN_REQUIRED).toBeTruthy();
    expect(info.flags & (CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED)).toBe(0);
    const session = openSession();
    p11.C_FindObjectsInit(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]);
    const certs = p11.C_FindObjects(session, 10);
    p11.C_FindObjectsFinal(session);
    const values = certs.map((handle) => (p11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }])[0]!.value as Buffer).toString('hex'));
    const person = pki.persons['anne-schmit']!;
    expect(values.sort()).toEqual([certDer(person.auth.certFile), certDer(person.sign.certFile)].map((der) => der.toString('hex')).sort());
    p11.C_CloseSession(session);
  });

  it('signs with the 9A key after the login, and with the 9C key after a context-specific login each time', () => {
    const person = pki.persons['anne-schmit']!;
    const signCert = certDer(person.sign.certFile);
    const authCert = certDer(person.auth.certFile);
    const data = Buffer.from('Guichet: a submission to sign');
    const session = openSession();
    p11.C_Login(session, pkcs11js.CKU_USER, PIN);
    // The authentication key (9A) needs the session's login only.
    const authSignature = signWithKeyOf(session, authCert, data);
    expect(verify('sha256', data, new X509Certificate(authCert).publicKey, authSignature)).toBe(true);
    const started = performance.now();
    const signature = signWithKeyOf(session, signCert, data, PIN);
    timings.signature9cMs = Math.round(performance.now() - started);
    expect(verify('sha256', data, new X509Certificate(signCert).publicKey, signature)).toBe(true);
    // The card itself refuses a second use of the PIN-always key without a VERIFY of its own.
    let refusal: unknown;
    try {
      signWithKeyOf(session, signCert, data);
    } catch (error) {
      refusal = error;
    }
    console.log('second 9C use without a context login:', String(refusal));
    expect(String(refusal)).toMatch(/CKR_USER_NOT_LOGGED_IN|CKR_USER_PIN_NOT_INITIALIZED|CKR_GENERAL_ERROR|CKR_FUNCTION_FAILED/);
    p11.C_CloseSession(session);
  });

  it('counts wrong PINs down to locked, and then refuses the right one', () => {
    const session = openSession();
    const flags: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(() => p11.C_Login(session, pkcs11js.CKU_USER, '999999')).toThrow(/CKR_PIN_INCORRECT/);
      flags.push(tokenFlags() & (CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED));
    }
    expect(flags[1]! & CKF_USER_PIN_FINAL_TRY).toBeTruthy();
    expect(flags[2]! & CKF_USER_PIN_LOCKED).toBeTruthy();
    expect(card.state().pinTriesLeft).toBe(0);
    expect(() => p11.C_Login(session, pkcs11js.CKU_USER, PIN)).toThrow(/CKR_PIN_LOCKED/);
    p11.C_CloseSession(session);
  });

  it('loses the token on removal and gets it back, still locked, on insertion (C_WaitForSlotEvent)', async () => {
    const readerSlot = slot();
    // Events OpenSC queued earlier (the first insertion) come first: drain them.
    while (p11.C_WaitForSlotEvent(pkcs11js.CKF_DONT_BLOCK)) {
      // Next one.
    }
    await card.remove();
    let started = performance.now();
    expect(p11.C_WaitForSlotEvent(0)?.toString('hex')).toBe(readerSlot.toString('hex'));
    timings.removalEventMs = Math.round(performance.now() - started);
    expect(tokenSlots()).toHaveLength(0);
    await card.insert();
    started = performance.now();
    expect(p11.C_WaitForSlotEvent(0)?.toString('hex')).toBe(readerSlot.toString('hex'));
    timings.insertionEventMs = Math.round(performance.now() - started);
    await waitForTokens(1);
    expect(card.state().pinTriesLeft).toBe(0);
    expect(tokenFlags() & CKF_USER_PIN_LOCKED).toBeTruthy();
  });

  it('unblocks with the PUK through C_SetPIN in a session not logged in, and the new PIN works', () => {
    const session = openSession(true);
    p11.C_SetPIN(session, PUK, '654321');
    expect(card.state()).toMatchObject({ pin: '654321', pinTriesLeft: 3, pukTriesLeft: 3 });
    expect(tokenFlags() & (CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED)).toBe(0);
    p11.C_Login(session, pkcs11js.CKU_USER, '654321');
    p11.C_Logout(session);
    p11.C_CloseSession(session);
  });

  it('fails a signature whose card dies in the middle of it, and the card is gone', async () => {
    const session = openSession();
    p11.C_Login(session, pkcs11js.CKU_USER, '654321');
    await card.failOnNext('generalAuthenticate');
    const authCert = certDer(pki.persons['anne-schmit']!.auth.certFile);
    expect(() => signWithKeyOf(session, authCert, Buffer.from('x'))).toThrow(/CKR_GENERAL_ERROR|CKR_DEVICE_REMOVED|CKR_DEVICE_ERROR|CKR_TOKEN_NOT_PRESENT/);
    expect((await card.status()).inserted).toBe(false);
    await card.insert();
    await waitForTokens(1);
  });
});
