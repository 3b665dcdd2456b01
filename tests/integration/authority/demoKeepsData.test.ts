import { afterAll, describe, expect, it } from 'vitest';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../../src-main/authority/AuthoritySession';
import { startDemoAuthority, type DemoAuthority } from '../../../src-main/authority/startDemoAuthority';
import { ANNE_SPACE, makeTempDir } from './authorityKit';

/** What the app's demo mode runs: the in-process sandbox with its data in `<profile>/sandbox`. */
async function signedIn(demo: DemoAuthority) {
  const client = new AuthorityClient({ baseUrl: demo.apiUrl, retries: 0, timeoutMs: 5_000 });
  const api = new AuthorityApi(client);
  const session = new AuthoritySession(api);
  client.setAuth(session);
  await session.signIn(demo.demoSigner!);
  return { client, api };
}

async function drain(api: AuthorityApi, cursor: string | null) {
  const items = [];
  for (;;) {
    const page = await api.listChanges(ANNE_SPACE, cursor, 100);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!page.hasMore) return { items, cursor };
  }
}

describe('demo mode keeps what the person did', () => {
  const profile = makeTempDir('guichet-demo-profile-');
  afterAll(async () => (await profile).cleanup());

  it('a submission made in the demo is still at the demo authority after the app restarts', async () => {
    const { dir } = await profile;
    const first = await startDemoAuthority(dir);
    const one = await signedIn(first);
    const version = String((await one.api.getFormDefinition('change-of-address'))!.definition.version);
    const submission = { procedureId: 'change-of-address', procedureVersion: version, language: 'en' as const, data: { street: 'Rue Neuve' } };
    const { dossier } = await one.api.createSubmission(ANNE_SPACE, 'demo-keeps-0001', submission);
    const { cursor } = await drain(one.api, null);
    one.client.dispose();
    await first.close();

    // The app restarts: a new sandbox (another port) on the same profile folder.
    const second = await startDemoAuthority(dir);
    const two = await signedIn(second);
    try {
      expect(await two.api.getDossier(ANNE_SPACE, dossier.reference)).toEqual(dossier);
      // The vault's cursor is still good (no 410, no full resync), and nothing new came.
      expect((await drain(two.api, cursor)).items).toEqual([]);
      const replay = await two.api.createSubmission(ANNE_SPACE, 'demo-keeps-0001', submission);
      expect(replay).toEqual({ dossier, replayed: true });
    } finally {
      two.client.dispose();
      await second.close();
    }
  });
});
