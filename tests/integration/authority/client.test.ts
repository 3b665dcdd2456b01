import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { AuthorityRequestError, AuthorityResponseError, AuthorityNotSignedInError } from '../../../src-shared/authority/errors';
import { NetworkError } from '../../../src-shared/errors';
import { AuthorityApi } from '../../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../../src-main/authority/AuthoritySession';
import { ANNE_SPACE, COMPANY_SPACE, connect, expectContractClean, operator, p12Signer, pdfBytes, pngBytes, start } from './authorityKit';

describe('authority client against the sandbox', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await start({ sessionTtlSeconds: 60 });
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
  });

  it('signs in with a PKCS#12 identity, renews on 401 and before expiry', async () => {
    const { api, session, client } = await connect(sb);
    expect(session.status()).toMatchObject({ signedIn: true, kind: 'person', privateSpaceId: ANNE_SPACE, personName: 'Anne Schmit' });
    const first = await session.token();
    // The server ends the token behind our back: the client renews (or signs in again) once and goes on.
    await fetch(`${sb.apiUrl}/auth/session`, { method: 'DELETE', headers: { authorization: `Bearer ${first}` } });
    const spaces = await api.listSpaces();
    expect(spaces.map((s) => s.id)).toEqual([ANNE_SPACE, COMPANY_SPACE]);
    expect(await session.token()).not.toBe(first);
    client.dispose();

    // Renewal before expiry: with a clock 50 s ahead, the 60 s session is nearly over and is renewed first.
    let offset = 0;
    const client2 = new AuthorityClient({ baseUrl: sb.apiUrl });
    const api2 = new AuthorityApi(client2);
    const session2 = new AuthoritySession(api2, { now: () => Date.now() + offset });
    client2.setAuth(session2);
    await session2.signIn(p12Signer(sb));
    const before = await session2.token();
    offset = 50_000;
    const after = await session2.token();
    expect(after).not.toBe(before);
    expect((await api2.listSpaces()).length).toBe(2);
    client2.dispose();
  });

  it('without a session: a clear not-signed-in error; anonymous session and eTracking work', async () => {
    const client = new AuthorityClient({ baseUrl: sb.apiUrl });
    const api = new AuthorityApi(client);
    const session = new AuthoritySession(api);
    client.setAuth(session);
    await expect(api.listSpaces()).rejects.toBeInstanceOf(AuthorityNotSignedInError);
    await session.signInAnonymous();
    expect(session.status().kind).toBe('anonymous');
    const et = await api.createEtracking({ procedureId: 'housing-aid', email: 'anne@example.lu', language: 'fr' });
    expect(et.number).toMatch(/^ET-/);
    expect((await api.getEtracking(et.number)).status).toBe('awaiting_paper');
    await operator(sb, `/etracking/${et.number}/status`, { status: 'received' });
    expect((await api.getEtracking(et.number)).status).toBe('received');
    client.dispose();
  });

  it('catalogue with ETag, personal data, documents', async () => {
    const { api, client } = await connect(sb);
    const list = await api.listCatalogue();
    expect(list!.items.length).toBeGreaterThanOrEqual(6);
    expect(await api.listCatalogue({ etag: list!.etag })).toBeNull();
    const def = await api.getFormDefinition('change-of-address');
    expect(def!.definition.id).toBe('change-of-address');
    expect(await api.getFormDefinition('change-of-address', def!.etag)).toBeNull();
    const mine = await api.getPersonalData(ANNE_SPACE);
    expect(mine.kind).toBe('private');
    const company = await api.getPersonalData(COMPANY_SPACE);
    expect(company.kind).toBe('professional');
    const docs = await api.listDocuments(ANNE_SPACE);
    expect(docs.length).toBeGreaterThan(0);
    const content = await api.getDocumentContent(ANNE_SPACE, docs[0]!.id, docs[0]!.size);
    expect(content.length).toBe(docs[0]!.size);
    client.dispose();
  });

  it('submits with attachments (exactly once per key), reads the changes feed, replies where allowed', async () => {
    const { api, client } = await connect(sb);
    const version = String((await api.getFormDefinition('change-of-address'))!.definition.version);
    const submission = { procedureId: 'change-of-address', procedureVersion: version, language: 'en' as const, data: { note: 'x' } };
    const files = {
      document: { filename: 'form.pdf', mediaType: 'application/pdf', content: pdfBytes() },
      attachments: [
        { filename: 'lease.pdf', mediaType: 'application/pdf', content: pdfBytes('lease') },
        { filename: 'photo.png', mediaType: 'image/png', content: pngBytes() },
      ],
    };
    const first = await api.createSubmission(ANNE_SPACE, 'test-key-0001', submission, files);
    expect(first.dossier.status).toBe('submitted');
    expect(first.dossier.attachments).toHaveLength(3);
    const again = await api.createSubmission(ANNE_SPACE, 'test-key-0001', submission, files);
    expect(again.replayed).toBe(true);
    expect(again.dossier.reference).toBe(first.dossier.reference);

    // A refused type: a clear 415 problem.
    const bad = api.createSubmission(ANNE_SPACE, 'test-key-0002', submission, { attachments: [{ filename: 'x.txt', mediaType: 'text/plain', content: Buffer.from('hi') }] });
    await expect(bad).rejects.toMatchObject({ name: 'AuthorityRequestError', details: { status: 415, type: 'unsupported-media-type' } });

    let cursor: string | null = null;
    const refs = new Set<string>();
    for (;;) {
      const page = await api.listChanges(ANNE_SPACE, cursor, 50);
      for (const item of page.items) if (item.type === 'dossier') refs.add(item.dossier.reference);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(refs.has(first.dossier.reference)).toBe(true);
    const empty = await api.listChanges(ANNE_SPACE, cursor, 50);
    expect(empty.items).toEqual([]);

    const ref = first.dossier.reference;
    await expect(api.createReply(ANNE_SPACE, ref, 'reply-key-0001', { body: 'Hello', language: 'en' })).rejects.toMatchObject({
      details: { status: 409, type: 'replies-not-allowed' },
    });
    await operator(sb, `/dossiers/${ref}/messages`, { subject: 'Question', body: 'Please send your lease.', repliesAllowed: true });
    const reply = await api.createReply(ANNE_SPACE, ref, 'reply-key-0002', {
      body: 'Here it is',
      language: 'en',
      attachments: [{ filename: 'lease.pdf', mediaType: 'application/pdf', contentBase64: pdfBytes('lease').toString('base64') }],
    });
    expect(reply.direction).toBe('person');
    const thread = await api.listMessages(ANNE_SPACE, ref);
    expect(thread.map((m) => m.id)).toContain(reply.id);
    expect((await api.getDossier(ANNE_SPACE, ref)).reference).toBe(ref);
    client.dispose();
  });

  it('keeps the members and roles rules of a professional space', async () => {
    const { api, client } = await connect(sb);
    const members = await api.listMembers(COMPANY_SPACE);
    const admins = members.filter((m) => m.role === 'administrator' && m.status === 'active');
    expect(admins.length).toBeGreaterThanOrEqual(1);
    const invited = await api.inviteMember(COMPANY_SPACE, {
      firstName: 'Test',
      lastName: 'Person',
      email: 'test.person@example.lu',
      ssn: '19999999999999999999',
      role: 'reader',
    });
    expect(invited.status).toBe('invited');
    expect((await api.changeMemberRole(COMPANY_SPACE, invited.id, 'drafter')).role).toBe('drafter');
    await api.removeMember(COMPANY_SPACE, invited.id);
    // The last administrator cannot be demoted.
    if (admins.length === 1) {
      await expect(api.changeMemberRole(COMPANY_SPACE, admins[0]!.id, 'reader')).rejects.toMatchObject({ details: { status: 409, type: 'last-administrator' } });
    }
    // The private space has no members.
    await expect(api.listMembers(ANNE_SPACE)).rejects.toBeInstanceOf(AuthorityRequestError);
    client.dispose();
  });

  it('gives typed errors for malformed and wrong-shaped answers and for a dead server', async () => {
    const { api, client } = await connect(sb, { retries: 0 });
    sb.faults.add({ kind: 'malformed', route: '/v1/spaces' });
    await expect(api.listSpaces()).rejects.toMatchObject({ name: 'AuthorityResponseError', details: { operation: 'listSpaces' } });
    sb.faults.add({ kind: 'wrong-shape', route: '/v1/spaces' });
    const error = await api.listSpaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorityResponseError);
    expect((error as AuthorityResponseError).details.issues).toBeDefined();
    client.dispose();
    const dead = new AuthorityClient({ baseUrl: 'http://127.0.0.1:9/v1', retries: 1, baseDelayMs: 1 });
    await expect(new AuthorityApi(dead).listCatalogue()).rejects.toBeInstanceOf(NetworkError);
    dead.dispose();
  });

  it('retries idempotent calls through 5xx, drops and delays (with a timeout)', async () => {
    const { api, client } = await connect(sb, { retries: 4, timeoutMs: 300 });
    sb.faults.add({ kind: 'error', route: '/v1/spaces', times: 2, status: 503 });
    expect((await api.listSpaces()).length).toBe(2);
    sb.faults.add({ kind: 'drop', route: '/v1/spaces', times: 2 });
    expect((await api.listSpaces()).length).toBe(2);
    sb.faults.add({ kind: 'delay', route: '/v1/spaces', times: 1, delayMs: 600 });
    expect((await api.listSpaces()).length).toBe(2);
    client.dispose();
  });
});
