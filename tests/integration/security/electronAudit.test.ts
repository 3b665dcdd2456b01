import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { createWindowOptions } from '../../../src-main/app/windowOptions';
import { buildContentSecurityPolicy } from '../../../src-main/app/contentSecurityPolicy';
import { decideWindowOpen } from '../../../src-main/app/navigationPolicy';

// Electronegativity (Doyensec's static audit for Electron apps) over main's and the preload's sources, over the built
// main and preload, and over the window options and CSP as main computes them (the tool does not follow a call such
// as `new BrowserWindow(createWindowOptions(...))`, nor a CSP sent by a protocol handler). Each finding is either
// gone or listed, with the reason, in electronAudit.allowlist.json: a finding not listed fails, and so does a listed
// one that no longer appears. It runs offline (tests/integration/security/runElectronegativity.mjs).

type ScanName = 'sources' | 'built' | 'resolved' | 'control';
interface Finding {
  check: string;
  file: string;
  line: number;
  sample: string;
  severity: string;
  confidence: string;
  manualReview: boolean;
}
interface Scan {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  blocked: string[];
  findings: Finding[];
}
interface CspEvaluatorModule {
  CspParser: new (csp: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { directive: string; value?: string; severity: number }[] };
  Version: { CSP3: unknown };
  severities: Record<string, number>;
}
interface Listed {
  scan: ScanName;
  check: string;
  file: string;
  sample: string;
  reason: string;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);
const runner = path.join(here, 'runElectronegativity.mjs');
const allowList = (JSON.parse(readFileSync(path.join(here, 'electronAudit.allowlist.json'), 'utf8')) as { findings: Listed[] }).findings;
const electronVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron as string;
/** Needs Electron's release list from the network (release notes of later versions); this suite runs offline. */
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];
/** The tool's checks on a BrowserWindow's options, and its CSP checks: what the resolved scan is for. */
const WINDOW_AND_CSP_CHECKS = [
  'affinityjscheck',
  'auxclickjscheck',
  'blinkfeaturesjscheck',
  'contextisolationjscheck',
  'experimentalfeaturesjscheck',
  'insecurecontentjscheck',
  'nodeintegrationjscheck',
  'preloadjscheck',
  'remotemodulejscheck',
  'sandboxjscheck',
  'websecurityjscheck',
  'cspjscheck',
  'cspglobalcheck',
];
/** The file kinds Electronegativity reads; it skips anything else without a word (.mjs and .cjs among them). */
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$|(^|\/)package\.json$/;

function audit(input: string, options: Record<string, unknown>): Scan {
  const output = path.join(path.dirname(input), `${path.basename(input)}.findings.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en-US' };
  for (const key of Object.keys(env)) if (/^(https?_proxy|all_proxy)$/i.test(key)) delete env[key];
  const result = spawnSync(process.execPath, [runner, input, JSON.stringify(options), output], { encoding: 'utf8', env, timeout: 180_000 });
  if (result.status !== 0) throw new Error(`Electronegativity failed on ${input}: ${result.stderr || result.stdout}`);
  return JSON.parse(readFileSync(output, 'utf8')) as Scan;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

const key = (finding: { check: string; file: string; sample: string }) => `${finding.check} ${finding.file} :: ${finding.sample}`;

/** Listed and found, compared as multisets: each entry stands for one finding. */
function compare(scan: ScanName, found: Finding[]): { unexpected: string[]; stale: string[] } {
  const listed = allowList.filter((entry) => entry.scan === scan).map(key);
  const unexpected: string[] = [];
  for (const finding of found.map(key)) {
    const at = listed.indexOf(finding);
    if (at === -1) unexpected.push(finding);
    else listed.splice(at, 1);
  }
  return { unexpected, stale: listed };
}

const work = mkdtempSync(path.join(os.tmpdir(), 'guichet-electron-audit-'));
const dirs = { sources: path.join(work, 'sources'), built: path.join(work, 'built'), resolved: path.join(work, 'resolved'), control: path.join(work, 'control') };
const scans = {} as Record<ScanName, Scan>;

beforeAll(async () => {
  // Main's and the preload's sources, with the app's package.json (the tool reads the Electron version there).
  cpSync('src-main', path.join(dirs.sources, 'src-main'), { recursive: true });
  cpSync('src-preload', path.join(dirs.sources, 'src-preload'), { recursive: true });
  cpSync('package.json', path.join(dirs.sources, 'package.json'));

  // The built main, its workers and the preload: bundled as vite.config.ts does (packages outside), not minified,
  // so that the tool can read it. The preload is named .js: the tool does not read .cjs files.
  const common = { absWorkingDir: process.cwd(), bundle: true, platform: 'node' as const, target: 'node20', outdir: dirs.built, logLevel: 'silent' as const };
  const entries = { main: 'src-main/main.ts', pkcs11Worker: 'src-main/tokens/worker/pkcs11Worker.ts', pageWriterWorker: 'src-main/vault/writer/pageWriterWorker.ts' };
  for (const [name, entry] of Object.entries(entries)) {
    await build({ ...common, entryPoints: { [name]: entry }, format: 'esm', packages: 'external', external: ['electron'] });
  }
  await build({ ...common, entryPoints: { preload: 'src-preload/index.ts' }, format: 'cjs', external: ['electron'] });
  cpSync('package.json', path.join(dirs.built, 'package.json'));

  // What main actually passes: the packaged app's window options, and the CSP the app:// handler sends.
  mkdirSync(dirs.resolved, { recursive: true });
  const windowOptions = createWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', title: 'Guichet Desktop', development: false });
  writeFileSync(
    path.join(dirs.resolved, 'windowOptions.js'),
    [
      "import { BrowserWindow, session } from 'electron';",
      `new BrowserWindow(${JSON.stringify(windowOptions, null, 2)});`,
      'session.defaultSession.webRequest.onHeadersReceived((details, callback) =>',
      `  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [${JSON.stringify(buildContentSecurityPolicy())}] } }),`,
      ');',
      '',
    ].join('\n'),
  );

  // A window made the wrong way, in TypeScript like main's sources: the tool, offline as it runs here, must see it.
  mkdirSync(dirs.control, { recursive: true });
  writeFileSync(
    path.join(dirs.control, 'insecureWindow.ts'),
    [
      "import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';",
      'export function open(url: string): BrowserWindow {',
      '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });',
      '  void shell.openExternal(url);',
      '  return window satisfies BrowserWindow;',
      '}',
      'export type Options = BrowserWindowConstructorOptions;',
      '',
    ].join('\n'),
  );

  scans.sources = audit(dirs.sources, { excludeFromScan: NETWORK_CHECKS });
  scans.built = audit(dirs.built, { excludeFromScan: NETWORK_CHECKS });
  scans.resolved = audit(dirs.resolved, { customScan: WINDOW_AND_CSP_CHECKS, electronVersionOverride: electronVersion });
  scans.control = audit(dirs.control, { excludeFromScan: NETWORK_CHECKS, electronVersionOverride: electronVersion });
}, 600_000);

describe('Electron static audit (Electronegativity)', () => {
  it('reads every file it is given, with its checks loaded, and finds an insecure window (the audit is not blind)', () => {
    for (const [name, dir] of Object.entries(dirs)) {
      const files = filesUnder(dir).filter((file) => !file.endsWith('.findings.json'));
      expect(files.length, name).toBeGreaterThan(0);
      expect(files.filter((file) => !SCANNED.test(file)), `${name}: files the tool would skip`).toEqual([]);
    }
    expect(filesUnder(dirs.sources).filter((file) => file.startsWith('src-main/app/')).length).toBeGreaterThan(5);
    expect(filesUnder(dirs.built).sort()).toEqual(['main.js', 'package.json', 'pageWriterWorker.js', 'pkcs11Worker.js', 'preload.js']);
    for (const name of ['sources', 'built', 'control'] as const) {
      expect(scans[name].atomicChecks, name).toBeGreaterThanOrEqual(30);
      expect(scans[name].globalChecks, name).toBeGreaterThanOrEqual(4);
      // A file the tool cannot parse is a file it did not check.
      expect(scans[name].errors, name).toEqual([]);
    }
    expect(scans.resolved.errors).toEqual([]);
    expect(new Set(scans.control.findings.map((finding) => finding.check))).toEqual(
      new Set(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
    );
  });

  it('ran offline: its only network calls were refused before any connection', () => {
    for (const name of ['sources', 'built', 'resolved', 'control'] as const) {
      expect(scans[name].blocked.filter((attempt) => attempt !== 'got'), name).toEqual([]);
    }
  });

  it.each(['sources', 'built', 'resolved'] as const)('%s: every finding is listed with its reason, and every listed finding is still found', (scan) => {
    expect(compare(scan, scans[scan].findings)).toEqual({ unexpected: [], stale: [] });
  });

  it('every allow-list entry gives a reason', () => {
    for (const entry of allowList) expect(entry.reason.length, key(entry)).toBeGreaterThan(40);
  });

  it("backs the listed window findings: on the options main really passes, the tool's window checks pass but for Auxclick", () => {
    // The sources' `new BrowserWindow(createWindowOptions(...))` is listed for these checks because the tool cannot
    // follow the call: here the same checks run on its result, and find nothing.
    const checks = new Set(scans.resolved.findings.map((finding) => finding.check));
    const listedForTheWindow = allowList.filter((entry) => entry.scan === 'sources' && entry.file === 'src-main/app/createMainWindow.ts' && entry.check !== 'AUXCLICK_JS_CHECK');
    expect(listedForTheWindow.length).toBeGreaterThan(0);
    for (const listed of listedForTheWindow) expect(checks.has(listed.check), listed.check).toBe(false);
  });

  it("backs the listed CSP findings: the tool saw main's CSP and its evaluator's only remark is script-src 'self'", () => {
    const csp = buildContentSecurityPolicy();
    expect(scans.resolved.findings.filter((finding) => finding.check === 'CSP_GLOBAL_CHECK')).toEqual([expect.objectContaining({ sample: csp, severity: 'LOW' })]);
    const evaluator = createRequire(require.resolve('@doyensec/electronegativity/package.json'))('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const remarks = new evaluator.CspEvaluator(new evaluator.CspParser(csp).csp, evaluator.Version.CSP3).evaluate();
    expect(remarks.map((remark) => ({ directive: remark.directive, value: remark.value, severity: remark.severity }))).toEqual([
      { directive: 'script-src', value: "'self'", severity: evaluator.severities.MEDIUM_MAYBE },
    ]);
  });

  it('backs the listed Auxclick findings: a middle-click opens no window, since every window.open is denied', () => {
    for (const url of ['https://guichet.public.lu/', 'https://evil.example/', 'app://guichet/index.html', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(decideWindowOpen(url).action, url).toBe('deny');
    }
  });
});
