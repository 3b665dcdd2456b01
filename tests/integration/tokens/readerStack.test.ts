import { createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PkiManifest } from '../../../src-sandbox/pki/createPki';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { defaultOpenscConfig } from '../../../src-main/tokens/applyOpenscConfig';
import { moduleIdFor } from '../../../src-main/tokens/moduleIdFor';
import { TokenService } from '../../../src-main/tokens/TokenService';
import type { SlotView, TokensView } from '../../../src-shared/tokens/tokenSchemas';
import { spawnVirtualCard, type SpawnedVirtualCard } from '../../../tools/virtual-card/spawnVirtualCard';
import { startReaderStack, type ReaderStack } from '../../helpers/readerStack/startReaderStack';
import { testPki } from '../../helpers/softhsm/softHsm';

const PIN = '123456';
const PUK = '12345678';

/**
 * The app's token code (TokenService: module worker, slot-event waiter, PIN and signing parts) on the real reader
 * stack: OpenSC's PKCS#11 module -> pcscd -> vpcd -> a virtual PIV card in a child process. These paths were covered
 * by the PKCS#11 test double only (SoftHSM2 has no reader, no retry counter, no lockout, no removal): the double's
 * tests stay for what no card here does (a PIN pad).
 */
describe('tokens on a real reader stack (OpenSC, pcscd, a virtual PIV card)', () => {
  let dir: string;
  let stack: ReaderStack;
  let pki: PkiManifest;
  let service: TokenService;
  let moduleId: string;
  const log = createMemoryLogger();
  const cards: SpawnedVirtualCard[] = [];
  const views: Array<{ at: number; view: TokensView }> = [];

  const cardSlots = (view: TokensView = service.view()): SlotView[] => view.slots.filter((s) => s.moduleId === moduleId && s.token);
  /** The first view pushed from `since` (an index in `views`, default: now) on that passes `test`. */
  const untilView = async (test: (view: TokensView) => boolean, timeoutMs = 5000, since = views.length): Promise<{ at: number; view: TokensView }> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = views.slice(since).find((v) => test(v.view));
      if (found) return found;
      if (test(service.view())) return { at: performance.now(), view: service.view() };
      if (Date.now() > deadline) throw new Error(`the tokens view did not change as expected: ${JSON.stringify(cardSlots().map((s) => s.token?.label))}`);
      await new Promise((settle) => setTimeout(settle, 20));
    }
  };
  const startCard = async (reader: 0 | 1, personId: string, inserted = true) => {
    const card = await spawnVirtualCard({ port: stack.readers[reader], host: stack.cardHost, pki, personId, stateFile: path.join(dir, `${personId}.card.json`), pin: PIN, puk: PUK, inserted });
    cards.push(card);
    return card;
  };
  const ref = (slot: SlotView) => ({ moduleId, slotId: slot.slotId });
  const signatureCertificate = (slot: SlotView) => slot.token!.certificates.find((c) => c.role === 'signature')!;
  const verifies = (data: Buffer, signature: Buffer, der: Buffer) =>
    createVerify('sha256').update(data).verify(new X509Certificate(der).publicKey, signature);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'guichet-reader-'));
    pki = await testPki();
    stack = await startReaderStack({ dir: path.join(dir, 'stack') });
    // The app's own opensc.conf (what applyOpenscConfig points OpenSC at), not the helper's: the PUK unblock below
    // depends on its setting.
    process.env.OPENSC_CONF = defaultOpenscConfig()!;
    moduleId = moduleIdFor(stack.openscModule);
    // No watcher ticks during the test: every change seen here came through the slot-event waiter (or a rescan).
    service = new TokenService({ entries: [{ id: moduleId, name: 'OpenSC', path: stack.openscModule, source: 'known' }], log, pollIntervalMs: 10 * 60_000 });
    service.onChange((view) => views.push({ at: performance.now(), view }));
    await service.list();
  }, 60_000);

  afterAll(async () => {
    await service?.dispose();
    await Promise.all(cards.map((c) => c.close()));
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('watches OpenSC with slot events: a card inserted shows (through the waiter, no tick runs), with its certificates', async () => {
    expect(service.view().modules.find((m) => m.id === moduleId)).toMatchObject({ status: 'ready', watch: 'slotEvents' });
    expect(cardSlots()).toEqual([]);
    const card = await startCard(0, 'anne-schmit', false);
    const since = views.length;
    const t0 = performance.now();
    await card.insert();
    const shown = await untilView((v) => cardSlots(v).length === 1, 5000, since);
    const [slot] = cardSlots(shown.view);
    // How fast is the reader bench's business (npm run bench -- reader); said here for whoever reads the log.
    console.log(`card inserted -> tokens view: ${(shown.at - t0).toFixed(0)} ms`);
    expect(slot!.token!.certificates.map((c) => c.role).sort()).toEqual(['authentication', 'signature']);
    // OpenSC keeps a PIV card's private keys private: before a login only their public halves are seen, so whether
    // a key wants the PIN for each signature is not known yet (the signing test below shows it does).
    expect(signatureCertificate(slot!)).toMatchObject({ keyPresence: 'public-key', alwaysAuthenticate: null });
    expect(slot!.token!.pin).toMatchObject({ locked: false, finalTry: false });
  });

  it('signs with the qualified key (a context-specific login per signature), the signature verifying with the certificate', async () => {
    const [slot] = cardSlots();
    const certificate = signatureCertificate(slot!);
    const data = Buffer.from('a submission to sign');
    const result = await service.signing.signWithToken({ ...ref(slot!), certificateId: certificate.id, pin: Buffer.from(PIN), data });
    expect(verifies(data, result.signature, result.certificate)).toBe(true);
    expect(JSON.stringify(log.entries)).not.toContain(PIN);
  });

  it('shows the final try before the third PIN, locks at the third, then refuses the right PIN', async () => {
    const [slot] = cardSlots();
    const sign = (pin: string) => service.signing.signWithToken({ ...ref(slot!), certificateId: signatureCertificate(slot!).id, pin: Buffer.from(pin), data: Buffer.from('x') });
    await expect(sign('000000')).rejects.toMatchObject({ name: 'WrongPinError', details: { pin: { finalTry: false, locked: false } } });
    await expect(sign('000001')).rejects.toMatchObject({ name: 'WrongPinError', details: { pin: { finalTry: true } } });
    // What the person sees before typing the third PIN: read fresh from the card, and in the watched view.
    expect(await service.pins.pinInfo(ref(slot!))).toMatchObject({ finalTry: true, locked: false });
    await untilView((v) => cardSlots(v)[0]?.token?.pin.finalTry === true);
    await expect(sign('000002')).rejects.toMatchObject({ name: 'PinLockedError' });
    await expect(sign(PIN)).rejects.toMatchObject({ name: 'PinLockedError' });
    expect(await service.pins.pinInfo(ref(slot!))).toMatchObject({ locked: true });
    expect(cards[0]!.state()).toMatchObject({ pinTriesLeft: 0 });
  });

  it('unblocks the locked PIN with the PUK (a wrong PUK said as such), and the new PIN signs', async () => {
    const [slot] = cardSlots();
    await expect(service.pins.unblockPin(ref(slot!), Buffer.from('87654321'), Buffer.from('246810'))).rejects.toMatchObject({ name: 'WrongPukError' });
    expect(cards[0]!.state().pukTriesLeft).toBe(2);
    const puk = Buffer.from(PUK);
    const newPin = Buffer.from('246810');
    expect(await service.pins.unblockPin(ref(slot!), puk, newPin)).toMatchObject({ locked: false, finalTry: false });
    expect([...puk, ...newPin].every((b) => b === 0)).toBe(true);
    const data = Buffer.from('after the unblock');
    const result = await service.signing.signWithToken({ ...ref(slot!), certificateId: signatureCertificate(slot!).id, pin: Buffer.from('246810'), data });
    expect(verifies(data, result.signature, result.certificate)).toBe(true);
    // Back to the PIN the other tests use, by the app's own change (a login first, then C_SetPIN).
    expect(await service.pins.changePin(ref(slot!), Buffer.from('246810'), Buffer.from(PIN))).toMatchObject({ locked: false });
    expect(JSON.stringify(log.entries)).not.toMatch(/246810|12345678/);
  });

  it('refuses to unblock a PIN that is not locked (the PUK is not spent)', async () => {
    const [slot] = cardSlots();
    await expect(service.pins.unblockPin(ref(slot!), Buffer.from(PUK), Buffer.from('135790'))).rejects.toMatchObject({ name: 'PinNotLockedError' });
    expect(cards[0]!.state().pukTriesLeft).toBe(3);
  });

  it('says the card was removed when it goes mid-signature, keeps its counters, and signs once it is back', async () => {
    const [slot] = cardSlots();
    const card = cards[0]!;
    const before = card.state();
    await card.failOnNext('generalAuthenticate');
    const failed = await service.signing
      .signWithToken({ ...ref(slot!), certificateId: signatureCertificate(slot!).id, pin: Buffer.from(PIN), data: Buffer.from('x') })
      .catch((error: unknown) => error);
    expect(failed, JSON.stringify(failed)).toMatchObject({ name: 'TokenRemovedError' });
    await untilView((v) => cardSlots(v).length === 0);
    expect(card.state()).toMatchObject({ pinTriesLeft: before.pinTriesLeft, pukTriesLeft: before.pukTriesLeft });
    const since = views.length;
    await card.insert();
    const back = await untilView((v) => cardSlots(v).length === 1, 5000, since);
    const again = cardSlots(back.view)[0]!;
    const data = Buffer.from('after reinsertion');
    const result = await service.signing.signWithToken({ ...ref(again), certificateId: signatureCertificate(again).id, pin: Buffer.from(PIN), data });
    expect(verifies(data, result.signature, result.certificate)).toBe(true);
  });

  it('says the card was removed when it goes during the PIN check (login), and the PIN counter is untouched', async () => {
    const [slot] = cardSlots();
    const card = cards[0]!;
    await card.failOnNext('verify');
    const failed = await service.signing.openSigner({ kind: 'token', ...ref(slot!), certificateId: signatureCertificate(slot!).id }, Buffer.from(PIN)).catch((error: unknown) => error);
    expect(failed).toMatchObject({ name: 'TokenRemovedError' });
    expect(card.state().pinTriesLeft).toBe(3);
    await untilView((v) => cardSlots(v).length === 0);
    const since = views.length;
    await card.insert();
    await untilView((v) => cardSlots(v).length === 1, 5000, since);
  });

  it('shows two cards in two readers, each with its own holder', async () => {
    const since = views.length;
    await startCard(1, 'luc-hoffmann');
    const both = await untilView((v) => cardSlots(v).length === 2, 5000, since);
    const holders = cardSlots(both.view).map((s) => s.token!.certificates.find((c) => c.role === 'authentication')!.holder).sort();
    expect(holders).toEqual(['Anne Schmit', 'Luc Hoffmann']);
    expect(new Set(cardSlots(both.view).map((s) => s.description)).size).toBe(2);
  });

  it('ends the slot-event thread on dispose (C_Finalize wakes it), so nothing hangs', async () => {
    const t0 = performance.now();
    await service.dispose();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(log.entries.some((e) => e.event === 'tokens.slotWaiterEnded' && /stopped|NOT_INITIALIZED/.test(JSON.stringify(e)))).toBe(true);
  });
});
