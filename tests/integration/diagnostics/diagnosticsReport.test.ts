import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { demoPersons } from '../../../src-sandbox/data/persons';
import type { DiagnosticsReport } from '../../../src-shared/contract/diagnosticsContract';
import type { TokensView } from '../../../src-shared/tokens/tokenSchemas';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { createTestHost } from '../../helpers/createTestHost';
import { start } from '../authority/authorityKit';
import { closeJourneyParts, openSignedInApp, type SignedInApp } from '../submissions/signedInApp';

const PIN = '864213';
const PASSPHRASE = 'Anne’s diagnostics passphrase';

/**
 * "Export diagnostics" on a signed-in app (SoftHSM2 token labelled with the holder's name, the sandbox over HTTP, log
 * files written): the report has each section, checks the authority and the TSA for real, shows the token by label,
 * manufacturer and model and its certificates by issuer; none of the person's data is in it; "Save…" writes exactly
 * the report that was shown, to the file main's save dialog chose.
 */
describe.skipIf(!SOFTHSM_MODULE)('the diagnostics report', () => {
  let hsm: SoftHsm;
  let sandbox: SandboxHandle;
  let app: SignedInApp;
  let report: DiagnosticsReport;
  let savePath = '';
  const anne = demoPersons[0]!;

  beforeAll(async () => {
    const pki = await testPki();
    hsm = createSoftHsm();
    const { slotId } = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', PIN);
    sandbox = await start({});
    const host = createTestHost({ pickSaveFile: async ({ defaultPath }) => savePath || path.join(hsm.dir, defaultPath) });
    app = await openSignedInApp({ sandbox, slotId, pin: PIN, passphrase: PASSPHRASE, host, logsDir: path.join(hsm.dir, 'logs') });
    report = await app.value<DiagnosticsReport>('diagnostics.create');
  }, 120_000);

  afterAll(() => closeJourneyParts({ app, sandbox, hsm }));

  it('has every section, with the real checks of the authority and the TSA', () => {
    for (const title of ['== Application ==', '== Policy in effect ==', '== Settings in effect ==', '== PKCS#11 modules ==', '== Readers and tokens ==', '== Network ==', '== Recent log lines (']) {
      expect(report.text).toContain(title);
    }
    expect(report.text).toContain(`Runtime: node ${process.versions.node}`);
    expect(report.text).toContain('Source: (no machine policy)');
    expect(report.text).toMatch(new RegExp(`Authority \\(GET /pki/root.pem\\) ${sandbox.apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/pki/root.pem: HTTP 200 in \\d+ ms`));
    expect(report.text).toMatch(/Timestamp authority \(GET\) \S+\/tsa: HTTP \d{3} in \d+ ms/);
  });

  it('shows the module’s load result, the token and its certificates without the person: label with the holder taken out, issuer only', async () => {
    const view = await app.value<TokensView>('tokens.list');
    const token = view.slots.find((slot) => slot.token?.certificates.length)!.token!;
    const module = view.modules.find((entry) => entry.source === 'extra')!;
    expect(report.text).toContain(`${module.name} [${module.id}] (extra): ready`);
    expect(report.text).toContain(`    path: ${module.path}`);
    expect(report.text).toContain(`token "[holder]", ${token.manufacturer}, model ${token.model}`);
    expect(report.text).toContain(`issuer "${token.certificates[0]!.issuerName}"`);
    const recent = report.text.slice(report.text.indexOf('== Recent log lines ('));
    expect(recent).toContain('"event":"vault.created"');

    const forbidden = [
      `${anne.givenName} ${anne.surname}`,
      anne.surname,
      anne.matricule,
      anne.ssn,
      anne.email,
      PIN,
      PASSPHRASE,
      ...token.certificates.filter((certificate) => certificate.role !== 'ca').flatMap((certificate) => [certificate.holder, certificate.subject, certificate.serialNumber, certificate.ssn ?? '']).filter(Boolean),
    ];
    for (const value of forbidden) expect(report.text.toLowerCase(), value).not.toContain(value.toLowerCase());
  });

  it('saves the report that was shown, through the save dialog', async () => {
    savePath = path.join(hsm.dir, 'report.txt');
    const picked = await app.value<{ available: boolean; file: { fileHandle: string; name: string } }>('app.pickSaveFile', { purpose: 'diagnosticsReport', title: 'Save', defaultName: 'guichet-diagnostics.txt' });
    const saved = await app.value<{ name: string; size: number }>('diagnostics.save', { saveTo: picked.file.fileHandle });
    expect(saved.name).toBe('report.txt');
    expect(await readFile(savePath, 'utf8')).toBe(report.text);
    // The handle is used up: a second write needs a new choice.
    const again = await app.call('diagnostics.save', { saveTo: picked.file.fileHandle });
    expect(again.ok).toBe(false);
  });
});
