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

const ORIGIN = 'http://127.0.0.1:5999';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b0a1f20000000049454e44ae426082', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffd9', 'hex');

async function realPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Articles of association');
  return Buffer.from(await doc.save());
}

describe('attachments: main checks the content’s type, not the name (real vault, through the router)', () => {
  let dir: string;
  let vault: VaultService;
  let log: ReturnType<typeof createMemoryLogger>;
  let call: (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { name: string; details: Record<string, unknown> } }>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'attachments-test-'));
    log = createMemoryLogger();
    vault = new VaultService({ dir: path.join(dir, 'vault'), log, kdfParams: { N: 2 ** 10, r: 8, p: 1 } });
    await vault.init();
    await vault.create('correct horse battery staple');
    const forms = new FormsService({ vault, log, loadBundled: () => loadBundledForms(defaultFormsDir()) });
    const router = createIpcRouter({ calls: formsCalls, handlers: createFormsHandlers({ forms }), isTrustedSender: () => true, log });
    call = (name, input) => router.dispatch(name, input, { url: ORIGIN }) as never;
  });
  afterEach(async () => {
    vault.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  let n = 0;
  const upload = (name: string, mediaType: string, bytes: Buffer) =>
    call('drafts.uploadAttachment', { uploadId: `upload-${String(++n).padStart(4, '0')}`, index: 0, last: true, name, mediaType, chunkBase64: bytes.toString('base64') });

  it.each([
    ['a text file named fake.pdf', 'fake.pdf', 'application/pdf', Buffer.from('Dear reader, this is plain text.\n'), { reason: 'unknownType', declared: 'application/pdf', detected: null }],
    ['text that starts like a PDF', 'statutes.pdf', 'application/pdf', Buffer.from('%PDF-1.7\nnot really a PDF\n'), { reason: 'unreadable', declared: 'application/pdf', detected: 'application/pdf' }],
    ['a PNG named .jpg', 'photo.jpg', 'image/jpeg', PNG, { reason: 'otherType', declared: 'image/jpeg', detected: 'image/png' }],
    ['a PNG named .pdf', 'scan.pdf', 'application/pdf', PNG, { reason: 'otherType', declared: 'application/pdf', detected: 'image/png' }],
  ])('refuses %s with AttachmentTypeMismatchError, and stores nothing', async (_what, name, mediaType, bytes, details) => {
    const result = await upload(name, mediaType, bytes);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ name: 'AttachmentTypeMismatchError', details: { name, ...details } });
    expect(vault.repos.documents.list()).toHaveLength(0);
  });

  it('stores a real PDF (also in chunks), a PNG and a JPEG, with the type their content has', async () => {
    const pdf = await realPdf();
    const half = Math.ceil(pdf.length / 2);
    const first = await call('drafts.uploadAttachment', { uploadId: 'upload-pdf-01', index: 0, last: false, name: 'statutes.pdf', mediaType: 'application/pdf', chunkBase64: pdf.subarray(0, half).toString('base64') });
    expect(first).toEqual({ ok: true, value: { attachment: null } });
    const last = await call('drafts.uploadAttachment', { uploadId: 'upload-pdf-01', index: 1, last: true, name: 'statutes.pdf', mediaType: 'application/pdf', chunkBase64: pdf.subarray(half).toString('base64') });
    expect(last).toMatchObject({ ok: true, value: { attachment: { name: 'statutes.pdf', mediaType: 'application/pdf', size: pdf.length } } });
    expect(await upload('photo.png', 'image/png', PNG)).toMatchObject({ ok: true, value: { attachment: { mediaType: 'image/png' } } });
    // 'image/jpg' is what some systems call a JPEG.
    expect(await upload('photo.jpg', 'image/jpg', JPEG)).toMatchObject({ ok: true, value: { attachment: { mediaType: 'image/jpeg' } } });
    expect(vault.repos.documents.list()).toHaveLength(3);
  });
});
