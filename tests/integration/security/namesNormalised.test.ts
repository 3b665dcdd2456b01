import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createBridge } from '../../../src-shared/bridge/createBridge';
import type { GuichetApi } from '../../../src-shared/bridge/GuichetApi';
import { ValidationError } from '../../../src-shared/errors';
import { createDirectTransport } from '../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';

const PASSPHRASE = 'names are not paths, not even here';

/** A small PDF that parses (main checks an attachment's content), told apart by a comment. */
const pdfText = (index: number) =>
  `%PDF-1.7\n% attachment ${index}\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`;

/** The security review's names, and what must be stored instead. */
const HOSTILE: Array<[raw: string, stored: string]> = [
  ['../../../../etc/passwd', 'passwd'],
  ['..\\..\\Windows\\win.ini', 'win.ini'],
  ['C:\\Users\\anne\\Desktop\\scan.pdf', 'scan.pdf'],
  // Shown as "invoiceexe.pdf" by a right-to-left aware list.
  ['invoice\u202efdp.exe', 'invoicefdp.exe'],
  ['CON.pdf', '_CON.pdf'],
  ['lpt1', '_lpt1'],
  ['report.pdf. . ', 'report.pdf'],
  ['zero\u200bwidth\u2066.pdf', 'zerowidth.pdf'],
];

describe('file names from the renderer reach the vault normalised', () => {
  let main: TestMain;
  let guichet: GuichetApi;
  beforeAll(async () => {
    main = await createTestMainContext();
    guichet = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    await guichet.vault.create({ passphrase: PASSPHRASE });
  });
  afterAll(async () => main.cleanup());

  const upload = (name: string, index: number) =>
    guichet.drafts.uploadAttachment({
      uploadId: `upload-${String(index).padStart(4, '0')}`,
      index: 0,
      last: true,
      name,
      mediaType: 'application/pdf',
      chunkBase64: Buffer.from(pdfText(index)).toString('base64'),
    });

  it('answers and stores each hostile attachment name normalised, also after the vault is reopened', async () => {
    const refs: string[] = [];
    for (const [index, [raw, stored]] of HOSTILE.entries()) {
      const { attachment } = await upload(raw, index);
      expect(attachment?.name, JSON.stringify(raw)).toBe(stored);
      refs.push(attachment!.ref);
    }
    // Read back from the database file itself, not from anything kept in memory.
    await guichet.vault.lock();
    await guichet.vault.unlock({ passphrase: PASSPHRASE });
    const documents = main.context.vault.repos.documents;
    expect(refs.map((ref) => documents.getMeta(ref)?.name)).toEqual(HOSTILE.map(([, stored]) => stored));
    expect(refs.map((ref) => documents.get(ref)?.content.toString())).toEqual(HOSTILE.map((_, i) => pdfText(i)));
  });

  it('refuses a name with a NUL as a ValidationError at the name, and stores nothing', async () => {
    const before = main.context.vault.repos.documents.list().length;
    const refusal = await upload('scan.pdf\u0000.exe', 99).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      name: 'ValidationError',
      kind: 'expected',
      details: { issues: [expect.objectContaining({ path: 'name', message: 'fileNameContainsNul' })] },
    });
    expect(main.context.vault.repos.documents.list()).toHaveLength(before);
  });

  it('normalises in the vault whatever the caller (a service storing a document without the contract)', () => {
    const documents = main.context.vault.repos.documents;
    const meta = documents.put({ spaceId: 'private', name: '/var/tmp/../../root/\u202egpj.scr', mediaType: 'image/jpeg', content: Buffer.from('x') });
    expect(meta.name).toBe('gpj.scr');
    expect(documents.getMeta(meta.id)?.name).toBe('gpj.scr');
    expect(documents.list({ spaceId: 'private' }).map((d) => d.name)).toContain('gpj.scr');
    expect(() => documents.put({ spaceId: 'private', name: 'a\u0000b.pdf', mediaType: 'application/pdf', content: Buffer.from('x') })).toThrow(ValidationError);
  });
});
