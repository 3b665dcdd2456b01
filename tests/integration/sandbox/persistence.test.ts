import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxDbFile, type SandboxHandle } from '../../../src-sandbox/createSandbox';
import { simplePdf } from '../../../src-sandbox/data/pdf';
import { api, expectContractClean, operator, signInPerson, start, submissionForm } from './helpers';

const ANNE_SPACE = 'PP-A7K3QZ';
const COMPANY = 'PM-K4R7T2';

/** Every item of the space's feed from `cursor` on, and the cursor after them. */
async function drain(sb: SandboxHandle, token: string, cursor: string | null) {
  const items: { type: string; dossier?: { reference: string }; message?: { id: string } }[] = [];
  for (;;) {
    const page = await api(sb, `/spaces/${ANNE_SPACE}/changes?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token });
    if (page.status !== 200) return { status: page.status, problem: page.data, items, cursor };
    items.push(...page.data.items);
    cursor = page.data.nextCursor as string;
    if (!page.data.hasMore) return { status: 200, problem: null, items, cursor };
  }
}

describe('sandbox: the data survive a restart', () => {
  const open: SandboxHandle[] = [];
  const startOn = async (dataDir: string, opts: { reset?: boolean } = {}) => {
    const sb = await start({ dataDir, ...opts });
    open.push(sb);
    return sb;
  };
  const stop = async (sb: SandboxHandle) => {
    expectContractClean(sb);
    await sb.close();
    open.splice(open.indexOf(sb), 1);
  };
  afterEach(async () => {
    for (const sb of open.splice(0)) await sb.close();
  });

  it('keeps dossiers, messages, documents, members, eTracking numbers, the feed and idempotency records; --reset starts over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-sandbox-persist-'));
    const first = await startOn(dataDir);
    const seeded = (await operator(first, `/dossiers?space=${ANNE_SPACE}`)).data.items.length as number;
    let anne = await signInPerson(first, 'anne-schmit');

    // A submission (multipart, Idempotency-Key) with an attachment, then a reply once the authority asks for one.
    const version = String((await api(first, '/catalogue/change-of-address')).data.version);
    const json = { procedureId: 'change-of-address', procedureVersion: version, language: 'fr', data: { street: 'Rue Neuve', number: '7' } };
    const lease = simplePdf(['Bail']);
    const files = [
      { field: 'document', name: 'submission.pdf', type: 'application/pdf', bytes: simplePdf(['Formulaire']) },
      { field: 'attachments', name: 'bail.pdf', type: 'application/pdf', bytes: lease },
    ];
    const submit = (sb: SandboxHandle, token: string) =>
      api(sb, `/spaces/${ANNE_SPACE}/submissions`, { method: 'POST', token, body: submissionForm(json, files), headers: { 'idempotency-key': 'persist-submission-1' } });
    const submitted = await submit(first, anne);
    expect(submitted.status).toBe(201);
    const reference = submitted.data.reference as string;
    await operator(first, `/dossiers/${reference}/status`, { status: 'information_requested', note: 'Please send the lease signed' });
    const replied = await api(first, `/spaces/${ANNE_SPACE}/dossiers/${reference}/replies`, {
      method: 'POST',
      token: anne,
      headers: { 'idempotency-key': 'persist-reply-1' },
      json: { body: 'Here it is.', language: 'fr' },
    });
    expect(replied.status).toBe(201);
    const invited = await api(first, `/spaces/${COMPANY}/members`, {
      method: 'POST',
      token: anne,
      json: { firstName: 'Nora', lastName: 'Unbekannt', email: 'nora@example.lu', ssn: '19999999999999999999', role: 'drafter' },
    });
    expect(invited.status).toBe(201);
    const anon = await api(first, '/auth/anonymous', { method: 'POST' });
    const tracked = await api(first, '/etracking', { method: 'POST', token: anon.data.token, json: { procedureId: 'housing-aid', email: 'anne.schmit@example.lu', language: 'de' } });
    expect(tracked.status).toBe(201);
    await operator(first, `/etracking/${tracked.data.number}/status`, { status: 'received' });
    const before = await drain(first, anne, null);
    expect(before.status).toBe(200);
    await stop(first);

    // Started again on the same folder.
    const second = await startOn(dataDir);
    expect((await api(second, `/spaces/${ANNE_SPACE}/dossiers`, { token: anne })).status).toBe(401); // sessions are not kept
    anne = await signInPerson(second, 'anne-schmit');
    const dossier = await api(second, `/spaces/${ANNE_SPACE}/dossiers/${reference}`, { token: anne });
    expect(dossier.status).toBe(200);
    expect(dossier.data).toEqual({ ...submitted.data, status: 'information_requested', repliesAllowed: true, updatedAt: dossier.data.updatedAt, history: dossier.data.history });
    expect(dossier.data.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'information_requested']);
    const thread = await api(second, `/spaces/${ANNE_SPACE}/dossiers/${reference}/messages`, { token: anne });
    expect(thread.data.items).toEqual([replied.data]);
    const attachment = (submitted.data.attachments as { id: string; filename: string }[]).find((a) => a.filename === 'bail.pdf')!;
    const content = await api(second, `/spaces/${ANNE_SPACE}/documents/${attachment.id}/content`, { token: anne });
    expect(Buffer.compare(content.data as unknown as Buffer, lease)).toBe(0);
    const members = (await api(second, `/spaces/${COMPANY}/members`, { token: anne })).data.items as { id: string; status: string }[];
    expect(members.find((m) => m.id === invited.data.id)?.status).toBe('invited');
    expect((await api(second, `/etracking/${tracked.data.number}`)).data.status).toBe('received');

    // The cursor of before the restart still works (same epoch): nothing new, then what happened since.
    expect(await drain(second, anne, before.cursor)).toMatchObject({ status: 200, items: [] });
    const note = await operator(second, `/dossiers/${reference}/messages`, { subject: 'Thanks', body: 'Received.' });
    const since = await drain(second, anne, before.cursor);
    expect(since.items.map((i) => i.message?.id)).toEqual([note.data.id]);

    // The same Idempotency-Key replays the first answer: the same dossier, made once.
    const replay = await submit(second, anne);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data.reference).toBe(reference);
    expect((await operator(second, '/counters')).data.acceptedByKey['persist-submission-1']).toBe(1);
    // A new one does not take a reference given before the restart.
    const next = await api(second, `/spaces/${ANNE_SPACE}/submissions`, { method: 'POST', token: anne, body: submissionForm(json, []), headers: { 'idempotency-key': 'persist-submission-2' } });
    expect(next.status).toBe(201);
    expect((await operator(second, `/dossiers?space=${ANNE_SPACE}`)).data.items.map((d: { reference: string }) => d.reference).filter((r: string) => r === next.data.reference)).toHaveLength(1);
    await stop(second);

    // --reset: the seed again, a new epoch: the cursor of before is refused with 410 cursor-expired.
    const third = await startOn(dataDir, { reset: true });
    anne = await signInPerson(third, 'anne-schmit');
    const expired = await drain(third, anne, since.cursor);
    expect(expired.status).toBe(410);
    expect(expired.problem?.type).toMatch(/cursor-expired$/);
    expect((await api(third, `/spaces/${ANNE_SPACE}/dossiers/${reference}`, { token: anne })).status).toBe(404);
    expect((await operator(third, `/dossiers?space=${ANNE_SPACE}`)).data.items).toHaveLength(seeded);
    expect(((await api(third, `/spaces/${COMPANY}/members`, { token: anne })).data.items as { id: string }[]).some((m) => m.id === invited.data.id)).toBe(false);
    expect((await api(third, `/etracking/${tracked.data.number}`)).status).toBe(404);
    const fresh = await api(third, `/spaces/${ANNE_SPACE}/submissions`, { method: 'POST', token: anne, body: submissionForm(json, files), headers: { 'idempotency-key': 'persist-submission-1' } });
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    await stop(third);
  });

  it('the operator API resets a running sandbox: the seed again, old cursors get 410', async () => {
    const sb = await startOn(mkdtempSync(join(tmpdir(), 'guichet-sandbox-persist-')));
    const anne = await signInPerson(sb, 'anne-schmit');
    const seeded = await drain(sb, anne, null);
    await operator(sb, `/dossiers/${seeded.items.find((i) => i.dossier)!.dossier!.reference}/messages`, { subject: 'Hello', body: 'A message' });
    const reset = await operator(sb, '/reset', {});
    expect(reset.status).toBe(200);
    expect((await drain(sb, anne, seeded.cursor)).status).toBe(410);
    const again = await drain(sb, anne, null);
    expect(again.items).toHaveLength(seeded.items.length);
    await stop(sb);
  });

  it('a damaged database file, or one of a newer sandbox, is a clear error; --reset starts over from it', async () => {
    const newer = mkdtempSync(join(tmpdir(), 'guichet-sandbox-persist-'));
    const db = new Database(sandboxDbFile(newer));
    db.pragma('user_version = 99');
    db.close();
    await expect(startOn(newer)).rejects.toThrow(/newer sandbox.*--reset/);
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-sandbox-persist-'));
    writeFileSync(sandboxDbFile(dataDir), Buffer.alloc(8192, 7));
    await expect(startOn(dataDir)).rejects.toThrow(/damaged.*--reset/);
    const sb = await startOn(dataDir, { reset: true });
    expect((await operator(sb, `/dossiers?space=${ANNE_SPACE}`)).data.items.length).toBeGreaterThan(0);
    await stop(sb);
  });
});
