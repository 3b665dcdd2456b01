import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { simplePdf } from '../../../src-sandbox/data/pdf';
import { api, expectContractClean, operator, signInPerson, start } from './helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function submissionForm(json: unknown, files: { field: string; name: string; type: string; bytes: Buffer }[]): FormData {
  const form = new FormData();
  form.append('submission', new Blob([JSON.stringify(json)], { type: 'application/json' }), 'submission.json');
  for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

describe('sandbox: the authority API', () => {
  let sb: SandboxHandle;
  let anne: string;
  let luc: string;
  let marc: string;
  const anneSpace = 'PP-A7K3QZ';
  const company = 'PM-K4R7T2';

  beforeAll(async () => {
    sb = await start({ limits: { maxFileBytes: 200_000, maxTotalBytes: 300_000 } });
    [anne, luc, marc] = await Promise.all([signInPerson(sb, 'anne-schmit'), signInPerson(sb, 'luc-hoffmann'), signInPerson(sb, 'marc-kremer')]);
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
  });

  it('serves the catalogue with ETags (304 when unchanged)', async () => {
    const list = await api(sb, '/catalogue');
    expect(list.status).toBe(200);
    expect(list.data.items.length).toBeGreaterThanOrEqual(6);
    const etag = list.headers.get('etag')!;
    expect((await api(sb, '/catalogue', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const pro = await api(sb, '/catalogue?audience=professional');
    expect(pro.data.items.every((i: { audience: string }) => i.audience === 'professional')).toBe(true);
    const one = await api(sb, '/catalogue/housing-aid');
    expect(one.data.id).toBe('housing-aid');
    expect((await api(sb, '/catalogue/housing-aid', { headers: { 'if-none-match': one.headers.get('etag')! } })).status).toBe(304);
    expect((await api(sb, '/catalogue/nope')).status).toBe(404);
  });

  it('lists spaces and personal data, documents', async () => {
    const spaces = await api(sb, '/spaces', { token: anne });
    expect(spaces.data.items.map((s: { id: string }) => s.id)).toEqual([anneSpace, company]);
    const data = await api(sb, `/spaces/${anneSpace}/personal-data`, { token: anne });
    expect(data.data.civil.matricule).toMatch(/^\d{13}$/);
    expect(data.data.vehicles.length).toBe(2);
    const pro = await api(sb, `/spaces/${company}/personal-data`, { token: luc });
    expect(pro.data.company.rcsNumber).toBe('B123456');
    expect((await api(sb, `/spaces/${anneSpace}/personal-data`, { token: luc })).status).toBe(404);
    const docs = await api(sb, `/spaces/${anneSpace}/documents`, { token: anne });
    const doc = docs.data.items[0];
    const meta = await api(sb, `/spaces/${anneSpace}/documents/${doc.id}`, { token: anne });
    expect(meta.data.sha256).toBe(doc.sha256);
    const content = await api(sb, `/spaces/${anneSpace}/documents/${doc.id}/content`, { token: anne });
    expect(content.type).toBe('application/pdf');
    expect((content.data as unknown as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('takes a submission with attachments once per Idempotency-Key, with size and type limits', async () => {
    const version = String((await api(sb, '/catalogue/change-of-address')).data.version);
    const json = { procedureId: 'change-of-address', procedureVersion: version, language: 'fr', data: { street: 'Rue Neuve', number: '7' } };
    const files = [
      { field: 'document', name: 'submission.pdf', type: 'application/pdf', bytes: simplePdf(['Formulaire']) },
      { field: 'attachments', name: 'bail.pdf', type: 'application/pdf', bytes: simplePdf(['Bail']) },
      { field: 'attachments', name: 'photo.png', type: 'image/png', bytes: PNG },
    ];
    const post = (key: string | null, form: FormData) =>
      api(sb, `/spaces/${anneSpace}/submissions`, { method: 'POST', token: anne, body: form, headers: key ? { 'idempotency-key': key } : {} });
    const first = await post('key-submission-0001', submissionForm(json, files));
    expect(first.status).toBe(201);
    expect(first.data.reference).toMatch(/^GU-\d{4}-\d{7}$/);
    expect(first.data.attachments).toHaveLength(3);
    const again = await post('key-submission-0001', submissionForm(json, files));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data.reference).toBe(first.data.reference);
    const reused = await post('key-submission-0001', submissionForm({ ...json, data: { other: true } }, files));
    expect(reused.status).toBe(422);
    const counters = await operator(sb, '/counters');
    expect(counters.data.acceptedByKey['key-submission-0001']).toBe(1);

    expect((await post(null, submissionForm(json, files))).status).toBe(400);
    const big = await post('key-submission-big1', submissionForm(json, [{ field: 'attachments', name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(250_000)]) }]));
    expect(big.status).toBe(413);
    expect(big.type).toContain('application/problem+json');
    const total = await post('key-submission-tot1', submissionForm(json, [1, 2].map((i) => ({ field: 'attachments', name: `p${i}.pdf`, type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(180_000)]) }))));
    expect(total.status).toBe(413);
    const exe = await post('key-submission-typ1', submissionForm(json, [{ field: 'attachments', name: 'x.exe', type: 'application/x-msdownload', bytes: Buffer.from('MZ') }]));
    expect(exe.status).toBe(415);
    const liar = await post('key-submission-typ2', submissionForm(json, [{ field: 'attachments', name: 'x.pdf', type: 'application/pdf', bytes: Buffer.from('MZ not a pdf') }]));
    expect(liar.status).toBe(415);
    const wrongSpace = await api(sb, `/spaces/${company}/submissions`, { method: 'POST', token: luc, body: submissionForm(json, []), headers: { 'idempotency-key': 'key-submission-spc1' } });
    expect(wrongSpace.status).toBe(422);
    const drafter = await api(sb, `/spaces/${company}/submissions`, { method: 'POST', token: marc, body: submissionForm(json, []), headers: { 'idempotency-key': 'key-submission-drf1' } });
    expect(drafter.status).toBe(403);
    // Without authentication: an answered anti-bot question, a contact, the terms and the simple signature
    // (anonymousJourney.test.ts goes through each refusal).
    const question = await api(sb, '/auth/anonymous/challenge', { method: 'POST' });
    const { answer } = (await operator(sb, `/antibot/${question.data.challengeId}`)).data;
    const anon = await api(sb, '/auth/anonymous', { method: 'POST', json: { challengeId: question.data.challengeId, answer } });
    const crim = String((await api(sb, '/catalogue/criminal-record-extract')).data.version);
    const anonymous = await api(sb, '/submissions', {
      method: 'POST',
      token: anon.data.token,
      headers: { 'idempotency-key': 'key-anonymous-0001' },
      body: submissionForm(
        {
          procedureId: 'criminal-record-extract',
          procedureVersion: crim,
          language: 'de',
          data: {},
          contact: { email: 'jean.dupont@example.lu' },
          termsAccepted: true,
          simpleSignature: { name: 'Jean Dupont', consent: true, signedAt: new Date().toISOString() },
        },
        [],
      ),
    });
    expect(anonymous.status).toBe(201);
    expect(anonymous.data.spaceId).toBeNull();
  });

  it('pages the changes feed with a cursor and delivers operator changes', async () => {
    sb.seedBulk({ spaceId: anneSpace, dossiers: 120, messages: 300 });
    let cursor: string | undefined;
    let count = 0;
    let pages = 0;
    for (;;) {
      const page = await api(sb, `/spaces/${anneSpace}/changes?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: anne });
      expect(page.status).toBe(200);
      count += page.data.items.length;
      pages += 1;
      cursor = page.data.nextCursor;
      if (!page.data.hasMore) break;
    }
    expect(count).toBeGreaterThan(420);
    expect(pages).toBe(Math.ceil(count / 100));
    const empty = await api(sb, `/spaces/${anneSpace}/changes?cursor=${cursor}`, { token: anne });
    expect(empty.data).toMatchObject({ items: [], hasMore: false, nextCursor: cursor });
    const ref = (await api(sb, `/spaces/${anneSpace}/dossiers`, { token: anne })).data.items.find((d: { status: string }) => d.status === 'received').reference;
    await operator(sb, `/dossiers/${ref}/status`, { status: 'in_process' });
    await operator(sb, `/dossiers/${ref}/messages`, { subject: { de: 'Hallo', fr: 'Bonjour', en: 'Hello' }, body: 'Text' });
    const delta = await api(sb, `/spaces/${anneSpace}/changes?cursor=${cursor}`, { token: anne });
    expect(delta.data.items.map((i: { type: string }) => i.type)).toEqual(['dossier', 'message']);
    expect(delta.data.items[0].dossier.status).toBe('in_process');
    expect((await api(sb, `/spaces/${anneSpace}/changes?cursor=bogus`, { token: anne })).status).toBe(400);
    expect((await api(sb, `/spaces/${anneSpace}/changes?limit=5000`, { token: anne })).status).toBe(400);
  });

  it('accepts replies only where the dossier allows them', async () => {
    const dossiers = (await api(sb, `/spaces/${anneSpace}/dossiers`, { token: anne })).data.items as { reference: string; repliesAllowed: boolean; status: string }[];
    const open = dossiers.find((d) => d.status === 'information_requested')!;
    const closed = dossiers.find((d) => d.status === 'completed')!;
    const reply = (ref: string, key: string) =>
      api(sb, `/spaces/${anneSpace}/dossiers/${ref}/replies`, {
        method: 'POST',
        token: anne,
        headers: { 'idempotency-key': key },
        json: { body: 'Voici mes fiches de salaire.', language: 'fr', attachments: [{ filename: 'fiche.pdf', mediaType: 'application/pdf', contentBase64: simplePdf(['Fiche']).toString('base64') }] },
      });
    const ok = await reply(open.reference, 'key-reply-000001');
    expect(ok.status).toBe(201);
    expect(ok.data.attachments).toHaveLength(1);
    expect((await reply(open.reference, 'key-reply-000001')).data.id).toBe(ok.data.id);
    const messages = await api(sb, `/spaces/${anneSpace}/dossiers/${open.reference}/messages`, { token: anne });
    expect(messages.data.items.filter((m: { direction: string }) => m.direction === 'person')).toHaveLength(1);
    const refused = await reply(closed.reference, 'key-reply-000002');
    expect(refused.status).toBe(409);
    expect(refused.data.type).toBe('urn:guichet:problem:replies-not-allowed');
  });

  it('keeps the member rules: administrators only, at least one administrator', async () => {
    const members = (await api(sb, `/spaces/${company}/members`, { token: anne })).data.items as { id: string; role: string; ssn: string }[];
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(['administrator', 'manager', 'signer', 'drafter', 'reader']));
    const admin = members.find((m) => m.role === 'administrator')!;
    const manager = members.find((m) => m.role === 'manager')!;
    expect((await api(sb, `/spaces/${company}/members/${admin.id}`, { method: 'PATCH', token: anne, json: { role: 'reader' } })).status).toBe(409);
    expect((await api(sb, `/spaces/${company}/members/${admin.id}`, { method: 'DELETE', token: anne })).status).toBe(409);
    expect((await api(sb, `/spaces/${company}/members/${manager.id}`, { method: 'PATCH', token: luc, json: { role: 'administrator' } })).status).toBe(403);
    const invite = { firstName: 'Nora', lastName: 'Unbekannt', email: 'nora@example.lu', ssn: '19999999999999999999', role: 'drafter' };
    expect((await api(sb, `/spaces/${company}/members`, { method: 'POST', token: luc, json: invite })).status).toBe(403);
    const invited = await api(sb, `/spaces/${company}/members`, { method: 'POST', token: anne, json: invite });
    expect(invited.status).toBe(201);
    expect(invited.data.status).toBe('invited');
    expect((await api(sb, `/spaces/${company}/members`, { method: 'POST', token: anne, json: invite })).status).toBe(409);
    expect((await api(sb, `/spaces/${company}/members`, { method: 'POST', token: anne, json: { ...invite, ssn: '123' } })).status).toBe(400);
    // A second administrator: now the first one may step down.
    expect((await api(sb, `/spaces/${company}/members/${manager.id}`, { method: 'PATCH', token: anne, json: { role: 'administrator' } })).data.role).toBe('administrator');
    expect((await api(sb, `/spaces/${company}/members/${admin.id}`, { method: 'PATCH', token: anne, json: { role: 'manager' } })).status).toBe(200);
    expect((await api(sb, `/spaces/${company}/members/${invited.data.id}`, { method: 'DELETE', token: luc })).status).toBe(204);
    expect((await api(sb, `/spaces/${anneSpace}/members`, { token: anne })).status).toBe(409);
  });

  it('creates eTracking numbers and follows their status', async () => {
    const anon = await api(sb, '/auth/anonymous', { method: 'POST' });
    const created = await api(sb, '/etracking', { method: 'POST', token: anon.data.token, json: { procedureId: 'housing-aid', email: 'anne.schmit@example.lu', phone: '+352621123456', language: 'de' } });
    expect(created.status).toBe(201);
    expect(created.data.number).toMatch(/^ET-\d{4}-\d{4}-\d{4}-\d{2}$/);
    expect(created.data.status).toBe('awaiting_paper');
    await operator(sb, `/etracking/${created.data.number}/status`, { status: 'received' });
    const got = await api(sb, `/etracking/${created.data.number}`);
    expect(got.data.status).toBe('received');
    expect((await api(sb, '/etracking', { method: 'POST', token: anon.data.token, json: { procedureId: 'housing-aid', language: 'de' } })).status).toBe(400);
    expect((await api(sb, '/etracking', { method: 'POST', token: anon.data.token, json: { procedureId: 'change-of-address', email: 'a@b.lu', language: 'de' } })).status).toBe(422);
    expect((await api(sb, '/etracking/ET-2026-0000-0000-00')).status).toBe(400);
  });

  it('lets the operator move a dossier through every status; closed dossiers stay closed', async () => {
    const ref = (await api(sb, `/spaces/${company}/dossiers`, { token: luc })).data.items.find((d: { status: string }) => d.status === 'submitted').reference;
    for (const status of ['received', 'in_process', 'information_requested', 'completed']) {
      expect((await operator(sb, `/dossiers/${ref}/status`, { status })).data.status).toBe(status);
    }
    expect((await operator(sb, `/dossiers/${ref}/status`, { status: 'rejected' })).status).toBe(409);
    const doc = await operator(sb, `/dossiers/${ref}/documents`, { title: { de: 'Bescheid', fr: 'Décision', en: 'Decision' }, filename: 'decision.pdf', mediaType: 'application/pdf', contentBase64: simplePdf(['Decision']).toString('base64') });
    expect(doc.status).toBe(201);
    expect((await fetch(`${sb.url}/operator/counters`)).status).toBe(401);
  });
});

describe('demo register data', () => {
  it('carries valid national identification numbers (forms check their two check digits)', async () => {
    const { demoPersons } = await import('../../../src-sandbox/data/persons');
    const { isValidMatricule } = await import('../../../src-shared/forms');
    for (const person of demoPersons) expect(isValidMatricule(person.matricule), person.matricule).toBe(true);
  });
});
