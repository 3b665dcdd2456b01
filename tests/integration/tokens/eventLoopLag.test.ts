import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { TokenService } from '../../../src-main/tokens/TokenService';
import { createWorkerChannel } from '../../../src-main/tokens/createWorkerChannel';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { createSoftHsmService } from './softhsmService';
import { PIN_PAD_DELAY_MS } from './pinPadBinding';

/** Measures main's event-loop delay (max, ms) while `work` runs. */
async function measureLag(work: () => Promise<unknown>): Promise<{ maxLagMs: number; durationMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  // A ticking timer too, so that the measure does not depend on the histogram's sampling alone.
  let last = performance.now();
  let maxTick = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxTick = Math.max(maxTick, now - last - 5);
    last = now;
  }, 5);
  histogram.enable();
  const start = performance.now();
  await work();
  const durationMs = performance.now() - start;
  histogram.disable();
  clearInterval(ticker);
  return { maxLagMs: Math.max(histogram.max / 1e6 - 5, maxTick), durationMs };
}

describe.skipIf(!SOFTHSM_MODULE)('PKCS#11 calls never block main: event-loop lag', () => {
  let hsm: SoftHsm;
  let service: TokenService;
  let moduleId: string;
  let slotId: string;

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    slotId = hsm.addPersonToken(pki, 'marc-kremer', 'Marc Kremer').slotId;
    ({ service, moduleId } = createSoftHsmService(hsm));
    await service.list();
  });
  afterAll(async () => {
    await service?.dispose();
    hsm?.cleanup();
  });

  // These prove where the blocking calls run (the lag stays a small fraction of the time the calls take), not a speed
  // target: a loaded machine adds scheduler jitter, so no absolute millisecond bound is asserted.
  it('keeps main responsive while SoftHSM2 makes 200 signatures (login, sign, logout each) in its worker', async () => {
    const data = Buffer.alloc(64 * 1024, 7);
    // Four callers at a time, each signing 50 times in a row: the worker's queue is never empty.
    const caller = async () => {
      for (let i = 0; i < 50; i++) await service.signing.signWithToken({ moduleId, slotId, certificateId: '02', pin: Buffer.from('123456'), data });
    };
    // The first signature with a certificate builds its chain on main (@peculiar/x509 parsing, cold code: tens of
    // ms, once per certificate pool); it is kept out of the measure, which is about the PKCS#11 calls.
    const warmUp = performance.now();
    await service.signing.signWithToken({ moduleId, slotId, certificateId: '02', pin: Buffer.from('123456'), data });
    console.log(`first signature (chain built on main): ${(performance.now() - warmUp).toFixed(0)} ms`);
    const { maxLagMs, durationMs } = await measureLag(() => Promise.all([caller(), caller(), caller(), caller()]));
    console.log(`softhsm2: 200 signatures in ${durationMs.toFixed(0)} ms, max event-loop lag ${maxLagMs.toFixed(1)} ms`);
    expect(durationMs).toBeGreaterThan(200);
    expect(maxLagMs).toBeLessThan(durationMs / 4);
  });

  it('keeps main responsive while a PIN-pad login blocks its worker for 1.5 s (test double: SoftHSM2 has no PIN pad)', async () => {
    const bindingModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pinPadBinding.ts');
    const padService = new TokenService({
      entries: [{ id: 'pinpad-double', name: 'PIN pad double', path: '/double/pinpad.so', source: 'extra' }],
      log: createMemoryLogger(),
      moduleExists: () => true,
      createChannel: (libraryPath) => createWorkerChannel(libraryPath, { bindingModule }),
    });
    try {
      const view = await padService.list();
      expect(view.modules[0]).toMatchObject({ status: 'ready' });
      expect(view.slots[0]!.token!.pin.pinPad).toBe(true);
      const { maxLagMs, durationMs } = await measureLag(async () => {
        const signer = await padService.signing.openSigner({ kind: 'token', moduleId: 'pinpad-double', slotId: '1', certificateId: '01' }).catch((e: unknown) => e);
        expect(signer).toMatchObject({ certificate: expect.any(Buffer) });
        await (signer as { close(): Promise<void> }).close();
      });
      console.log(`PIN-pad double: login blocked its worker ${durationMs.toFixed(0)} ms, max event-loop lag ${maxLagMs.toFixed(1)} ms`);
      expect(durationMs).toBeGreaterThanOrEqual(PIN_PAD_DELAY_MS - 50);
      // Had the login run on main's thread, the lag would be the whole 1.5 s.
      expect(maxLagMs).toBeLessThan(PIN_PAD_DELAY_MS / 5);
    } finally {
      await padService.dispose();
    }
  });
});
