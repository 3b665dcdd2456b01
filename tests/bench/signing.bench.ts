/**
 * `npm run bench -- signing`: signs a 20 MB PDF (PAdES B-B, incremental update, the result as parts: the input and
 * the update, not joined) and, side by side in the same runs (alternating which goes first), times a bare SHA-256 of
 * the same bytes in Node and `sha256sum` of the file. Also times joining the parts into one Buffer (`result.pdf`),
 * which signing itself no longer does. Targets: signing <= 1.2x hashing (`sign_ratio`); Node hashing within 1.2x of
 * sha256sum. The key is on a SoftHSM2 token when softhsm2-util and pkcs11-tool are installed, else the PKCS#12 key in
 * memory (said in the output).
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, popGraphicsState, pushGraphicsState, concatTransformationMatrix, drawObject } from 'pdf-lib';
import { createPki } from '../../src-sandbox/pki/createPki';
import { createKeySigner, toDer, type CmsSigner } from '../../src-main/signing/CmsSigner';
import { signPdf, writeSignedPdf } from '../../src-main/signing/signPdf';
import { verifyPdfSignatures } from '../../src-main/signing/verifyPdfSignatures';
import { hasSoftHsm, openSoftHsmSigner } from '../integration/signing/softHsmSigner';
import { timeAlternating } from './timeAlternating';

const RUNS = 31;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function makePdf(targetBytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const w = 600;
  const h = 580;
  const imageBytes = w * h * 3; // ~1 MB of uncompressed RGB per page
  const pages = Math.ceil(targetBytes / imageBytes);
  const seed = randomBytes(imageBytes);
  for (let i = 0; i < pages; i++) {
    const data = Buffer.from(seed);
    data.writeUInt32BE(i, 0); // random-ish, different per page
    for (let k = 0; k < 64; k++) data[(k * 7919 + i * 104729) % data.length] = (i + k) & 0xff;
    const stream = doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 });
    const ref = doc.context.register(stream);
    const page = doc.addPage([595.28, 841.89]);
    page.node.setXObject(PDFName.of('Im0'), ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 483, 47, 300), drawObject('Im0'), popGraphicsState());
    page.drawText(`Page ${i + 1}`, { x: 50, y: 800, size: 14 });
  }
  return doc.save({ useObjectStreams: false });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'guichet-bench-signing-'));
  try {
    const pki = await createPki(join(work, 'pki'));
    const id = pki.persons['anne-schmit']!.sign;
    const certificate = toDer(readFileSync(join(pki.dir, id.certFile), 'utf8'));
    const chain = [toDer(readFileSync(join(pki.dir, pki.issuing.certFile), 'utf8'))];
    let signer: CmsSigner & { close?: () => void };
    let keyPlace: string;
    if (hasSoftHsm) {
      signer = openSoftHsmSigner(pki.dir, 'anne-schmit', certificate, chain);
      keyPlace = 'SoftHSM2 token (pkcs11js, CKM_SHA256_RSA_PKCS)';
    } else {
      signer = createKeySigner(readFileSync(join(pki.dir, id.keyFile), 'utf8'), certificate, chain);
      keyPlace = 'PKCS#12 key in memory (SoftHSM2 not installed)';
    }

    const pdf = Buffer.from(await makePdf(20 * 1024 * 1024));
    const file = join(work, 'big.pdf');
    writeFileSync(file, pdf);
    console.log(`PDF: ${(pdf.length / 1024 / 1024).toFixed(1)} MB; key: ${keyPlace}; ${RUNS} runs each, medians`);

    // Warm up (JIT, page cache, token session).
    createHash('sha256').update(pdf).digest();
    let warm = await signPdf(pdf, { signer });
    for (let i = 0; i < 4; i++) warm = await signPdf(pdf, { signer });
    spawnSync('sha256sum', [file]);

    const join_: number[] = [];
    const tool: number[] = [];
    let last = warm;
    const [hash, sign] = await timeAlternating(
      RUNS,
      () => createHash('sha256').update(pdf).digest(),
      async () => {
        last = await signPdf(pdf, { signer });
      },
      () => {
        const t = performance.now();
        void last.pdf.length; // one contiguous copy of input + update (what signing did before; `parts` avoid it)
        join_.push(performance.now() - t);

        const u = performance.now();
        const r = spawnSync('sha256sum', [file], { encoding: 'utf8' });
        tool.push(performance.now() - u);
        if (r.status !== 0) throw new Error('sha256sum failed');
      },
    );
    signer.close?.();

    // The signed file is real: written as its parts, pdfsig and our verifier accept it.
    const signedFile = join(work, 'signed.pdf');
    await writeSignedPdf(last, signedFile);
    const written = readFileSync(signedFile);
    const partsOk = written.length === last.length && written.subarray(0, pdf.length).equals(pdf) && last.parts[0].buffer === pdf.buffer;
    const pdfsig = spawnSync('pdfsig', [signedFile], { encoding: 'utf8' });
    const pdfsigOk = /Signature is Valid/.test(pdfsig.stdout ?? '');
    const v = await verifyPdfSignatures(written, { trustAnchors: [readFileSync(join(pki.dir, pki.root.certFile), 'utf8')] });

    const s = median(sign);
    const h = median(hash);
    const x = median(tool);
    const j = median(join_);
    // Each run times signing and hashing back to back, so their ratio per run is little moved by the load of the
    // machine drifting between runs; sign_ratio is the median of those.
    const paired = median(sign.map((t, i) => t / hash[i]!));
    const extra = median(sign.map((t, i) => t - hash[i]!));
    console.log(`sign (B-B, incremental update, hash + token signature + CMS; result as parts): ${ms(s)}  [${sign.map((n) => n.toFixed(0)).join(' ')}]`);
    console.log(`+ copying input and update into one Buffer (result.pdf):   ${ms(j)}  -> sign + copy ${ms(s + j)} = ${((s + j) / h).toFixed(2)}x hashing`);
    console.log(`node sha256 of the same bytes:                               ${ms(h)}  [${hash.map((n) => n.toFixed(0)).join(' ')}]`);
    console.log(`sha256sum of the file (process included):                    ${ms(x)}  [${tool.map((n) => n.toFixed(0)).join(' ')}]`);
    console.log(`signing minus hashing, per run:                             ${ms(extra)} (median); signing / hashing per run: ${paired.toFixed(2)} (median)`);
    console.log(`node hash throughput: ${((pdf.length / 1024 / 1024) / (h / 1000)).toFixed(0)} MB/s`);
    console.log(
      `signed PDF: +${last.length - pdf.length} bytes; written as parts: ${partsOk ? 'yes' : 'NO'}; pdfsig: ${pdfsigOk ? 'valid' : 'NOT VALID'}; our verifier: ${v.signatures[0]?.valid ? 'valid' : 'NOT VALID'}`,
    );
    console.log(`targets: signing <= 1.2x hashing (${paired <= 1.2 ? 'met' : 'MISSED'}); node hashing within 1.2x of sha256sum (${h / x <= 1.2 ? 'met' : 'MISSED'})`);
    console.log(`sign_ratio ${paired.toFixed(2)} signing ratio ${(s / h).toFixed(2)} sign_copy_ratio ${((s + j) / h).toFixed(2)} hash_vs_sha256sum ${(h / x).toFixed(2)}`);
    if (!pdfsigOk || !v.signatures[0]?.valid || !partsOk) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
