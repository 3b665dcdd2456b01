/**
 * `npm run bench -- submit`: a submission with 20 MB of attachments (two 5 MB PDFs, two 5 MB JPEGs), end to end as the
 * app does it: the submission PDF (createSubmissionPdf), a PAdES B-T signature with the qualified key of a real
 * PKCS#11 token (SoftHSM2 through TokenService: login, sign, logout; the sandbox's /v1/tsa), the upload
 * (AuthorityApi.createSubmission, signed in), the receipt (createReceiptPdf) stored into a real SQLCipher vault.
 * Baseline in the same runs, alternating which goes first: a raw multipart POST (node:http, the parts written as they
 * are) of the same bytes (the signed PDF and the attachments) to the same route of the same sandbox. The sandbox runs
 * in its own process (as the authority would), so both sides pay the same server work. The ratio is the median of
 * the per-run ratios (journey and baseline back to back, so load drift cancels).
 * Also: signing a 20 MB PDF (PAdES B-B, as tests/bench/signing.bench.ts, with the TokenService signer) against a bare
 * SHA-256 of the same bytes, paired per run; and a batch of 5 submission PDFs signed B-T in one token session.
 * Last line: `submit ratio <journey/baseline> sign_ratio <signing/hashing> batch_ms_per_signature <ms>`.
 * Targets: ratio <= 1.5, sign_ratio <= 1.2. Needs SoftHSM2 and OpenSC's pkcs11-tool.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { startSandbox } from '../../src-sandbox/createSandbox';
import { loadOrCreatePki, type PkiManifest } from '../../src-sandbox/pki/createPki';
import { AuthorityApi, type UploadFile } from '../../src-main/authority/AuthorityApi';
import { AuthorityClient } from '../../src-main/authority/AuthorityClient';
import { AuthoritySession } from '../../src-main/authority/AuthoritySession';
import { pemFileChallengeSigner } from '../../src-main/authority/pemChallengeSigner';
import { createReceiptPdf } from '../../src-main/documents/createReceiptPdf';
import { createSubmissionPdf, type SubmissionPdfInput } from '../../src-main/documents/createSubmissionPdf';
import { loadFonts } from '../../src-main/documents/pdfLayout';
import { createMemoryLogger } from '../../src-main/log/createMemoryLogger';
import { signPdf } from '../../src-main/signing/signPdf';
import { verifyPdfSignatures } from '../../src-main/signing/verifyPdfSignatures';
import { TokenService } from '../../src-main/tokens/TokenService';
import type { TokenSigner } from '../../src-main/tokens/TokenSigner';
import { VaultService } from '../../src-main/vault/VaultService';
import { createSoftHsm, sharedPkiDir, SOFTHSM_MODULE } from '../helpers/softhsm/softHsm';
import { softHsmEntry } from '../integration/tokens/softhsmService';
import { timeAlternating } from './timeAlternating';

const RUNS = 15;
const SIGN_RUNS = 31;
const BATCH = 5;
const BATCH_REPEATS = 5;
const ATTACHMENT_BYTES = 5 * 1024 * 1024;
const SPACE = 'PP-A7K3QZ';
const PROCEDURE = 'change-of-address';
const PIN = '123456';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const list = (xs: number[]) => `[${xs.map((n) => n.toFixed(0)).join(' ')}]`;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

if (process.argv[2] === 'server') {
  // Its own process: the authority's work is not on the client's event loop (nor its core), for both sides alike.
  const sandbox = await startSandbox({ dataDir: process.argv[3]!, pkiDir: sharedPkiDir, seed: 'empty' });
  console.log(JSON.stringify({ apiUrl: sandbox.apiUrl, url: sandbox.url, limits: { total: 25 * 1024 * 1024 } }));
  process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
} else {
  await main();
}

/** A PDF of about `targetBytes` (uncompressed image pages), as tests/bench/signing.bench.ts makes it. */
async function makeBigPdf(targetBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const w = 600;
  const h = 580;
  const imageBytes = w * h * 3;
  const pages = Math.ceil(targetBytes / imageBytes);
  const seed = randomBytes(imageBytes);
  for (let i = 0; i < pages; i++) {
    const data = Buffer.from(seed);
    data.writeUInt32BE(i, 0);
    const stream = doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
    const ref = doc.context.register(stream);
    const page = doc.addPage([595.28, 841.89]);
    page.node.setXObject(PDFName.of('Im0'), ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 483, 47, 300), drawObject('Im0'), popGraphicsState());
    page.drawText(`Page ${i + 1}`, { x: 50, y: 800, size: 14 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** 5 MB of random bytes in a container the sandbox's sniffing accepts (PDF header and trailer, JPEG SOI ... EOI). */
function attachment(kind: 'pdf' | 'jpeg', i: number): UploadFile & { sha256: string } {
  const content = randomBytes(ATTACHMENT_BYTES);
  if (kind === 'pdf') {
    content.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 0, 'latin1');
    content.write('\n%%EOF\n', content.length - 7, 'latin1');
  } else {
    content.set([0xff, 0xd8, 0xff, 0xe0], 0);
    content.set([0xff, 0xd9], content.length - 2);
  }
  return { filename: `attachment-${i + 1}.${kind === 'pdf' ? 'pdf' : 'jpg'}`, mediaType: kind === 'pdf' ? 'application/pdf' : 'image/jpeg', content, sha256: sha256(content) };
}

async function main(): Promise<void> {
  if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 is not installed (apt-get install -y softhsm2 opensc)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-submit-bench-'));
  // Made here first, so that the sandbox process only reads it.
  const pki: PkiManifest = await loadOrCreatePki(sharedPkiDir);
  const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'server', path.join(dir, 'sandbox')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    server.on('exit', (code) => reject(new Error(`the sandbox exited (${code})`)));
  });
  const sandbox = JSON.parse(first) as { apiUrl: string; url: string };

  const hsm = createSoftHsm();
  const tokens = new TokenService({ entries: [softHsmEntry()], log: createMemoryLogger(), pollIntervalMs: 60_000 });
  const vault = new VaultService({ dir: path.join(dir, 'vault'), log: createMemoryLogger(), kdfParams: { N: 2 ** 10, r: 8, p: 1 } });
  const client = new AuthorityClient({ baseUrl: sandbox.apiUrl, timeoutMs: 60_000 });
  try {
    const { slotId } = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN);
    await tokens.list();
    // CKA_ID 02: the qualified signature key and certificate (scripts/sandbox-token.sh).
    const identity = { kind: 'token' as const, moduleId: softHsmEntry().id, slotId, certificateId: '02' };
    const openSigner = () => tokens.signing.openSigner(identity, Buffer.from(PIN));

    await vault.init();
    await vault.create('benchmark passphrase');

    const auth = pki.persons['anne-schmit']!.auth;
    const api = new AuthorityApi(client);
    const session = new AuthoritySession(api);
    client.setAuth(session);
    await session.signIn(await pemFileChallengeSigner(path.join(pki.dir, auth.keyFile), [path.join(pki.dir, auth.certFile)]));
    const version = String((await api.getFormDefinition(PROCEDURE))!.definition.version);
    const tsa = { url: `${sandbox.apiUrl}/tsa`, timeoutMs: 15_000 };
    const fonts = await loadFonts();

    // The attachments are in the vault already with their SHA-256 (as a draft's are): not hashed again here.
    const attachments = [attachment('pdf', 0), attachment('jpeg', 1), attachment('pdf', 2), attachment('jpeg', 3)];
    const attachmentBytes = attachments.reduce((n, a) => n + a.content.length, 0);
    const submission = { procedureId: PROCEDURE, procedureVersion: version, language: 'en' as const, data: { street: '12, rue de la Gare', postcode: 'L-1611', city: 'Luxembourg', movedOn: '2026-04-01' } };
    const pdfInput = (n: number): SubmissionPdfInput => ({
      locale: 'en',
      procedure: { id: PROCEDURE, version, title: 'Change of address' },
      space: { id: SPACE, label: 'Private space' },
      submittedBy: 'Anne Schmit',
      date: new Date(),
      sections: [
        {
          title: 'New address',
          fields: [
            { label: 'Street', value: `12, rue de la Gare (${n})` },
            { label: 'Postcode', value: 'L-1611' },
            { label: 'City', value: 'Luxembourg' },
            { label: 'Moved on', value: '1 April 2026' },
          ],
        },
      ],
      attachments: attachments.map((a) => ({ name: a.filename, mediaType: a.mediaType, size: a.content.length, sha256: a.sha256 })),
    });

    // --- the journey ---
    const parts = { build: [] as number[], sign: [] as number[], send: [] as number[], receipt: [] as number[], total: [] as number[] };
    let lastSigned: Buffer = Buffer.alloc(0);
    let lastReference = '';
    async function journey(n: number): Promise<void> {
      const t0 = performance.now();
      const pdf = await createSubmissionPdf(pdfInput(n), { fonts });
      const t1 = performance.now();
      const signer: TokenSigner = await openSigner();
      let signed;
      try {
        signed = await signPdf(pdf, { signer, level: 'B-T', tsa, reason: 'Submission' });
      } finally {
        await signer.close();
      }
      const t2 = performance.now();
      const document = signed.pdf;
      const { dossier } = await api.createSubmission(SPACE, randomUUID(), submission, {
        document: { filename: 'submission.pdf', mediaType: 'application/pdf', content: document },
        attachments,
      });
      const t3 = performance.now();
      const receipt = await createReceiptPdf(
        {
          locale: 'en',
          reference: dossier.reference,
          procedure: { id: PROCEDURE, version, title: 'Change of address' },
          space: { label: 'Private space' },
          submittedBy: 'Anne Schmit',
          submittedAt: new Date(t0),
          receivedAt: new Date(dossier.createdAt),
          status: 'Submitted',
          signedBy: ['Anne Schmit'],
          documents: [{ name: 'submission.pdf', sha256: sha256(document) }, ...attachments.map((a) => ({ name: a.filename, sha256: a.sha256 }))],
        },
        { fonts },
      );
      vault.repos.documents.put({ spaceId: SPACE, name: `Receipt ${dossier.reference}.pdf`, mediaType: 'application/pdf', content: Buffer.from(receipt.buffer, receipt.byteOffset, receipt.byteLength) });
      const t4 = performance.now();
      parts.build.push(t1 - t0);
      parts.sign.push(t2 - t1);
      parts.send.push(t3 - t2);
      parts.receipt.push(t4 - t3);
      parts.total.push(t4 - t0);
      lastSigned = document;
      lastReference = dossier.reference;
    }

    // --- the baseline: the same bytes, multipart, written to the socket as they are ---
    const base: number[] = [];
    async function baseline(): Promise<void> {
      const token = (await session.token())!;
      const t = performance.now();
      const boundary = `----bench${randomBytes(12).toString('hex')}`;
      const head = (name: string, filename: string, type: string) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
      const crlf = Buffer.from('\r\n');
      const chunks: Buffer[] = [head('submission', 'submission.json', 'application/json'), Buffer.from(JSON.stringify(submission)), crlf];
      chunks.push(head('document', 'submission.pdf', 'application/pdf'), lastSigned, crlf);
      for (const a of attachments) chunks.push(head('attachments', a.filename, a.mediaType), a.content, crlf);
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const length = chunks.reduce((s, c) => s + c.length, 0);
      const url = new URL(`${sandbox.apiUrl}/spaces/${SPACE}/submissions`);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'content-length': length,
              authorization: `Bearer ${token}`,
              'idempotency-key': randomUUID(),
            },
          },
          (res) => {
            res.on('data', () => undefined);
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        for (const c of chunks) req.write(c);
        req.end();
      });
      base.push(performance.now() - t);
      if (status !== 201) throw new Error(`baseline upload answered ${status}`);
    }

    // Warm up: JIT, fonts, token module, TSA, sockets, the sandbox's routes.
    await journey(-1);
    await baseline();
    await journey(-2);
    await baseline();
    for (const k of Object.values(parts)) k.length = 0;
    base.length = 0;

    for (let i = 0; i < RUNS; i++) {
      // No forced GC: a full collection flushes the JS code that runs right after it (bytecode and type feedback: the
      // PDF layout and the CMS code ran at 28 ms instead of 9 after one, the receipt at 30 instead of 17), a cost the
      // app never pays; V8 collects as it does in the app. The order alternates, so each side follows the other's
      // garbage as often.
      if (i % 2 === 0) {
        await journey(i);
        await baseline();
      } else {
        await baseline();
        await journey(i);
      }
    }
    const uploaded = lastSigned.length + attachmentBytes;
    const journeyMs = median(parts.total);
    const baseMs = median(base);
    const ratio = median(parts.total.map((t, i) => t / base[i]!));

    // --- signing alone: a 20 MB PDF with the token signer (one session) against hashing it ---
    const big = await makeBigPdf(20 * 1024 * 1024);
    const signer = await openSigner();
    let bigSigned;
    let hash: number[];
    let sign: number[];
    try {
      createHash('sha256').update(big).digest();
      for (let i = 0; i < 4; i++) bigSigned = await signPdf(big, { signer });
      [hash, sign] = await timeAlternating(
        SIGN_RUNS,
        () => createHash('sha256').update(big).digest(),
        async () => {
          bigSigned = await signPdf(big, { signer });
        },
        undefined,
        // V8's own collections, as in the app (see the journey's loop).
        { forceGc: false },
      );
    } finally {
      await signer.close();
    }
    const signRatio = median(sign.map((t, i) => t / hash[i]!));

    // --- a batch: 5 prepared submission PDFs, B-T, one login ---
    const prepared = await Promise.all(Array.from({ length: BATCH }, (_, i) => createSubmissionPdf(pdfInput(100 + i), { fonts })));
    const batch: number[] = [];
    const batchLogin: number[] = [];
    let batchSigned: Buffer[] = [];
    for (let r = 0; r < BATCH_REPEATS; r++) {
      globalThis.gc?.();
      const t = performance.now();
      const s = await openSigner();
      const loggedIn = performance.now();
      try {
        batchSigned = [];
        for (const pdf of prepared) batchSigned.push((await signPdf(pdf, { signer: s, level: 'B-T', tsa })).pdf);
      } finally {
        await s.close();
      }
      batch.push(performance.now() - t);
      batchLogin.push(loggedIn - t);
    }
    const batchPer = median(batch) / BATCH;

    // The results are real: the sandbox took the submission, our verifier accepts the signatures.
    const trust = [readFileSync(path.join(pki.dir, pki.root.certFile), 'utf8')];
    const checks = await Promise.all([lastSigned, bigSigned!.pdf, batchSigned[BATCH - 1]!].map((b) => verifyPdfSignatures(b, { trustAnchors: trust })));
    const levels = checks.map((c) => (c.signatures[0]?.valid ? c.signatures[0].level : 'NOT VALID'));
    const receipts = vault.repos.documents.list({ spaceId: SPACE }).length;

    console.log(`upload: ${mb(uploaded)} (submission PDF ${(lastSigned.length / 1024).toFixed(0)} KB signed + 4 attachments of ${mb(ATTACHMENT_BYTES)}); ${RUNS} runs each, alternating, medians; sandbox in its own process; key on SoftHSM2 through TokenService`);
    console.log(`journey: PDF build           ${ms(median(parts.build))}  ${list(parts.build)}`);
    console.log(`journey: sign B-T (login, token, TSA, logout) ${ms(median(parts.sign))}  ${list(parts.sign)}`);
    console.log(`journey: send (AuthorityApi.createSubmission) ${ms(median(parts.send))}  ${list(parts.send)}`);
    console.log(`journey: receipt PDF + vault ${ms(median(parts.receipt))}  ${list(parts.receipt)}`);
    console.log(`journey: total               ${ms(journeyMs)}  ${list(parts.total)}`);
    console.log(`baseline: raw multipart POST of the same bytes, same route ${ms(baseMs)}  ${list(base)}`);
    console.log(`journey / baseline: ${ratio.toFixed(2)} per run (median), ${(journeyMs / baseMs).toFixed(2)} of the medians`);
    console.log(`send / baseline per run: ${median(parts.send.map((t, i) => t / base[i]!)).toFixed(2)} (median); journey minus baseline: ${ms(median(parts.total.map((t, i) => t - base[i]!)))} (median)`);
    console.log(`sign 20 MB PDF (B-B, TokenService signer, one session): ${ms(median(sign))}  ${list(sign)}`);
    console.log(`sha256 of the same bytes:                               ${ms(median(hash))}  ${list(hash)}`);
    console.log(`batch: ${BATCH} submission PDFs, B-T, one login: ${ms(median(batch))} (login ${ms(median(batchLogin))})  ${list(batch)}`);
    console.log(`checks: last dossier ${lastReference}; signatures ${levels.join(', ')}; ${receipts} receipts in the vault; load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
    console.log(`targets: ratio <= 1.5 (${ratio <= 1.5 ? 'met' : 'MISSED'}); sign_ratio <= 1.2 (${signRatio <= 1.2 ? 'met' : 'MISSED'})`);
    if (levels.some((l) => l === 'NOT VALID')) process.exitCode = 1;
    console.log(`submit ratio ${ratio.toFixed(2)} sign_ratio ${signRatio.toFixed(2)} batch_ms_per_signature ${batchPer.toFixed(1)}`);
  } finally {
    client.dispose();
    await tokens.dispose();
    vault.dispose();
    hsm.cleanup();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
