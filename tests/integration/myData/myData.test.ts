import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import type { MyDataView } from '../../../src-shared/myData/myDataSchemas';
import { SOFTHSM_MODULE, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { ANNE_SPACE, COMPANY_SPACE, expectContractClean } from '../authority/authorityKit';
import { closeJourneyParts, openAnneOnSandbox, type SignedInApp } from '../submissions/signedInApp';

const PIN = '123456';

/**
 * "My data" on real parts (Anne's SoftHSM2 token, a SQLCipher vault, the sandbox over HTTP): what the registers hold,
 * per space, read from the vault (also offline) and asked of the authority again on demand.
 */
describe.skipIf(!SOFTHSM_MODULE)('my data', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  const value = <T>(name: string, input?: unknown) => app.value<T>(name, input);

  beforeAll(async () => {
    ({ hsm, sandbox, app } = await openAnneOnSandbox(PIN));
  }, 180_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it("shows the owner's spaces, the private one first, with what each register holds", { timeout: 60_000 }, async () => {
    const view = await value<MyDataView>('myData.get');
    expect(view.owner).toEqual({ name: 'Anne Schmit' });
    expect(view.spaces.map((s) => [s.spaceId, s.kind])).toEqual([
      [ANNE_SPACE, 'private'],
      [COMPANY_SPACE, 'professional'],
    ]);
    const [mine, company] = view.spaces;
    expect(mine!.data).toMatchObject({ kind: 'private', civil: { givenName: 'Anne', surname: 'Schmit', matricule: '1984031512389' }, address: { locality: 'Luxembourg' } });
    expect(mine!.data?.kind === 'private' && mine!.data.vehicles.map((v) => v.plate)).toEqual(['AB 1234', 'EV 4821']);
    expect(mine!.fetchedAt).toBeGreaterThan(0);
    expect(mine!.versions).toBe(1);
    expect(company!.data).toMatchObject({ kind: 'professional', company: { vatNumber: expect.stringMatching(/^LU\d{8}$/) }, vatBalance: { amount: '-1250.40' } });
  });

  it('asks the authority again on demand (within the hour too), keeps no second version when nothing changed', { timeout: 60_000 }, async () => {
    const asked = sandbox.faults.add({ kind: 'delay', route: '/v1/spaces/*/personal-data', method: 'GET', delayMs: 0, times: 0 });
    const before = await value<MyDataView>('myData.get');
    const after = await value<MyDataView>('myData.refresh');
    expect(asked.hits).toBe(2);
    sandbox.faults.clear();
    expect(after.spaces.map((s) => s.versions)).toEqual([1, 1]);
    expect(after.spaces.map((s) => s.data)).toEqual(before.spaces.map((s) => s.data));
    expectContractClean(sandbox);
  });

  it('offline: read from the vault as before; asking again says why it cannot, and loses nothing', { timeout: 60_000 }, async () => {
    const before = await value<MyDataView>('myData.get');
    sandbox.faults.add({ kind: 'error', route: '/v1/**', status: 503, times: 0 });
    try {
      expect(await value<MyDataView>('myData.get')).toEqual(before);
      const refused = await app.call('myData.refresh');
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.name).toMatch(/^Authority\w+Error$/);
      expect(await value<MyDataView>('myData.get')).toEqual(before);
    } finally {
      sandbox.faults.clear();
    }
  });
});
