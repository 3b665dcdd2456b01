import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';
import { VaultService } from '../../../../src-main/vault/VaultService';
import { FormsService } from '../../../../src-main/forms/FormsService';
import { defaultFormsDir, loadBundledForms } from '../../../../src-main/forms/loadBundledForms';
import { createFormsHandlers } from '../../../../src-main/ipc/handlers/createFormsHandlers';
import { createIpcRouter } from '../../../../src-main/ipc/createIpcRouter';
import { formsCalls } from '../../../../src-shared/contract/formsContract';
import { applyPrefill, parseFormDefinition } from '../../../../src-shared/forms';

const ORIGIN = 'http://127.0.0.1:5999';

describe('forms on a real vault', () => {
  let dir: string;
  let vault: VaultService;
  let forms: FormsService;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'forms-test-'));
    log = createMemoryLogger();
    vault = new VaultService({ dir: path.join(dir, 'vault'), log, kdfParams: { N: 2 ** 10, r: 8, p: 1 } });
    await vault.init();
    await vault.create('correct horse battery staple');
    forms = new FormsService({ vault, log, loadBundled: () => loadBundledForms(defaultFormsDir()) });
  });
  afterEach(async () => {
    vault.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  function router() {
    return createIpcRouter({ calls: formsCalls, handlers: createFormsHandlers({ forms }), isTrustedSender: () => true, log });
  }

  it('seeds an empty catalogue cache from the bundled definitions, each checked, once', async () => {
    const items = await forms.listCatalogue();
    expect(items.map((i) => i.id).sort()).toEqual(['change-of-address', 'criminal-record-extract', 'housing-aid', 'parental-leave', 'residence-certificate', 'vat-registration']);
    expect(vault.repos.catalogue.list()).toHaveLength(6);
    expect(items.find((i) => i.id === 'vat-registration')).toMatchObject({ audience: 'professional', theme: 'taxes', requiresAuthentication: true, version: 4 });
    expect(await forms.seedCatalogueIfEmpty()).toBe(0);
    const definition = await forms.getDefinition('housing-aid');
    expect(definition?.version).toBe(5);
    expect(await forms.getDefinition('nope')).toBeNull();
  });

  it('leaves out a cached definition that fails the checks, and refuses bad bundled ones', async () => {
    await forms.listCatalogue();
    const good = vault.repos.catalogue.get('housing-aid');
    vault.repos.catalogue.put({ procedureId: 'broken-form', version: '1', definition: { ...(good?.definition as object), id: 'broken-form', steps: [] }, etag: null, fetchedAt: 1 });
    const ids = (await forms.listCatalogue()).map((i) => i.id);
    expect(ids).not.toContain('broken-form');
    expect(await forms.getDefinition('broken-form')).toBeNull();
    expect(log.entries.some((e) => e.event === 'forms.cachedDefinitionRefused')).toBe(true);

    const other = new FormsService({ vault, log, loadBundled: async () => [{ file: 'bad.json', json: { id: 'bad' } }] });
    vault.repos.catalogue.list().forEach((e) => vault.repos.catalogue.delete(e.procedureId));
    expect(await other.seedCatalogueIfEmpty()).toBe(0);
    expect(log.entries.some((e) => e.event === 'forms.bundledDefinitionRefused')).toBe(true);
  });

  it('saves, lists, reads and deletes drafts through the contract, with attachments in the vault', async () => {
    const call = (name: string, input: unknown) => router().dispatch(name, input, { url: ORIGIN });
    // A real PDF (main checks that it parses), sent in two chunks.
    const lease = await PDFDocument.create();
    lease.addPage([100, 100]);
    const pdf = Buffer.from(await lease.save());
    const upload1 = await call('drafts.uploadAttachment', { uploadId: 'upload-0001', index: 0, last: false, name: 'lease.pdf', mediaType: 'application/pdf', chunkBase64: pdf.subarray(0, 5).toString('base64') });
    expect(upload1).toEqual({ ok: true, value: { attachment: null } });
    const upload2 = await call('drafts.uploadAttachment', { uploadId: 'upload-0001', index: 1, last: true, name: 'lease.pdf', mediaType: 'application/pdf', chunkBase64: pdf.subarray(5).toString('base64') });
    if (!upload2.ok) throw new Error(upload2.error.message);
    const attachment = (upload2.value as { attachment: { ref: string; size: number } }).attachment;
    expect(attachment.size).toBe(pdf.length);
    expect(vault.repos.documents.get(attachment.ref)?.content.equals(pdf)).toBe(true);

    const values = { monthlyRent: 95000, lease: [{ name: 'lease.pdf', mediaType: 'application/pdf', size: pdf.length, ref: attachment.ref }] };
    const saved = await call('drafts.save', { id: 'draft-0001', procedureId: 'housing-aid', formVersion: 5, title: 'Rent subsidy', values, attachmentRefs: [attachment.ref], resumeAt: '@review' });
    expect(saved.ok).toBe(true);
    const list = await call('drafts.list', {});
    expect(list).toMatchObject({ ok: true, value: { items: [{ id: 'draft-0001', procedureId: 'housing-aid', formVersion: 5, spaceId: null, resumeAt: '@review' }] } });
    // A position is a step id or the review, nothing else.
    for (const resumeAt of ['@elsewhere', 'Step', '../x']) {
      expect(await call('drafts.save', { id: 'draft-0001', procedureId: 'housing-aid', formVersion: 5, title: '', values: {}, attachmentRefs: [], resumeAt })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    }
    const got = await call('drafts.get', { id: 'draft-0001' });
    expect(got).toMatchObject({ ok: true, value: { draft: { values } } });
    expect(await call('drafts.get', { id: 'draft-9999' })).toEqual({ ok: true, value: { draft: null } });

    // Unknown keys are refused (strict inputs).
    const refused = await call('drafts.save', { id: 'draft-0001', procedureId: 'housing-aid', formVersion: 5, title: '', values: {}, attachmentRefs: [], extra: 1 });
    expect(refused.ok).toBe(false);

    expect(await call('drafts.delete', { id: 'draft-0001' })).toEqual({ ok: true, value: { deleted: true } });
    expect(vault.repos.documents.get(attachment.ref)).toBeNull();
    expect(await call('drafts.list', {})).toEqual({ ok: true, value: { items: [] } });
  });

  it('reads prefill data from the personal data sets, in the definitions’ vocabulary', async () => {
    expect(forms.prefillSources()).toEqual({ person: null, company: null });
    vault.repos.persons.upsertPerson({ id: 'p1', kind: 'self', displayName: 'Marie Muller', createdAt: 1 });
    expect(forms.prefillSources()).toEqual({ person: null, company: null });
    vault.repos.personalData.put({
      personId: 'p1',
      kind: 'private',
      data: {
        civil: { matricule: '1893120105732', givenName: 'Marie', surname: 'Muller' },
        address: { country: 'LU', street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg' },
        contact: { email: 'marie@example.lu', phone: '+352621123456' },
      },
      source: 'rnpp',
      fetchedAt: 2,
    });
    const sources = forms.prefillSources();
    expect(sources.person).toMatchObject({ matricule: '1893120105732', firstName: 'Marie', lastName: 'Muller', email: 'marie@example.lu' });
    const definition = parseFormDefinition((await loadBundledForms(defaultFormsDir())).find((f) => f.file === 'change-of-address.json')?.json);
    const prefilled = applyPrefill(definition, {}, { person: sources.person ?? undefined });
    expect(prefilled.values).toMatchObject({ firstName: 'Marie', lastName: 'Muller', matricule: '1893120105732' });
    expect(prefilled.provenance.firstName?.sourceLabel).toBe('nationalRegister');
  });

  it('bounds the uploads under way: a renderer opening them without end cannot fill main\'s memory', async () => {
    const chunk = Buffer.alloc(1024, 1).toString('base64');
    const start = (i: number) => forms.uploadChunk({ uploadId: `upload-${String(i).padStart(4, '0')}`, index: 0, last: false, name: 'a.pdf', mediaType: 'application/pdf', spaceId: null, chunkBase64: chunk });
    for (let i = 0; i < 8; i += 1) expect(await start(i)).toBeNull();
    await expect(start(8)).rejects.toMatchObject({ name: 'ValidationError' });
    // The same id started again replaces its own upload rather than adding one.
    expect(await start(3)).toBeNull();
  });

  it('refuses everything while the vault is locked', async () => {
    vault.lock('user');
    const result = await router().dispatch('catalogue.list', undefined, { url: ORIGIN });
    expect(result).toMatchObject({ ok: false, error: { name: 'VaultLockedError' } });
  });
});
