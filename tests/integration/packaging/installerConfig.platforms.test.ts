import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

// What of the macOS and Linux installers and of the CI workflow can be checked on this Linux machine: the
// entitlements the app is signed with, the packages' declared dependencies (against Debian's own package index), and
// that the workflow builds every target electron-builder.yml names, with signing only from secrets.

interface Config {
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize?: boolean };
  pkg: { installLocation: string; allowAnywhere: boolean; allowCurrentUserHome: boolean };
  linux: { target: string[] };
  deb: { depends: string[]; recommends: string[] };
  rpm: { depends: string[]; fpm: string[] };
}
const CONFIG_TEXT = readFileSync('electron-builder.yml', 'utf8');
const CONFIG = parseYaml(CONFIG_TEXT) as Config;

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const WORKFLOW_TEXT = readFileSync('.github/workflows/installers.yml', 'utf8');
const WORKFLOW = parseYaml(WORKFLOW_TEXT) as { jobs: { installers: { strategy: { matrix: { include: { os: string; targets: string; container?: string }[] } }; steps: Step[] } } };
const JOB = WORKFLOW.jobs.installers;

describe('macOS: hardened runtime, entitlements, notarisation', () => {
  it('signs app and helpers with only JIT and no library validation (third-party PKCS#11 middleware is dlopened)', () => {
    expect(CONFIG.mac.hardenedRuntime).toBe(true);
    expect(CONFIG.mac.entitlementsInherit).toBe(CONFIG.mac.entitlements);
    const plist = readFileSync(CONFIG.mac.entitlements, 'utf8');
    expect(XMLValidator.validate(plist)).toBe(true);
    const dict = (new XMLParser({ isArray: () => true, parseTagValue: false }).parse(plist) as { plist: { dict: { key: string[]; true: unknown[] }[] }[] }).plist[0]?.dict[0];
    expect(dict?.key).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.disable-library-validation']);
    // Each key is followed by <true/> (and nothing in the dict is false).
    expect(dict?.true).toHaveLength(2);
    expect(plist).not.toContain('<false/>');
  });

  it('notarises from the environment (APPLE_* on CI) and keeps no credential in the config', () => {
    expect(CONFIG.mac.notarize).not.toBe(false);
    expect(CONFIG_TEXT).not.toMatch(/^\s*(cscLink|cscKeyPassword|cscInstallerLink|cscInstallerKeyPassword|identity|certificatePassword|certificateFile|appleId|appleIdPassword)\s*:/m);
  });

  it('makes a pkg for MDM: into /Applications of the system volume, not a user’s home', () => {
    expect(CONFIG.mac.target).toEqual(['dmg', 'pkg']);
    expect(CONFIG.pkg).toMatchObject({ installLocation: '/Applications', allowAnywhere: false, allowCurrentUserHome: false });
  });
});

describe('Linux: deb and rpm declare what smart cards need', () => {
  it('deb depends on pcscd, the PC/SC library and libsecret and recommends OpenSC, every name a Debian package', () => {
    expect(CONFIG.deb.depends).toEqual(expect.arrayContaining(['pcscd', 'libpcsclite1', 'libsecret-1-0', 'libgtk-3-0', 'libnss3']));
    expect(CONFIG.deb.recommends).toEqual(['opensc-pkcs11', 'opensc']);
    // Debian's own index (this machine and the CI container are Debian): a misspelt dependency would make the
    // package uninstallable.
    const names = [...CONFIG.deb.depends, ...CONFIG.deb.recommends];
    // apt-cache still succeeds when only some are known: each must be listed by name.
    const shown = execFileSync('apt-cache', ['show', '--no-all-versions', ...names], { encoding: 'utf8' });
    const listed = new Set([...shown.matchAll(/^Package: (\S+)$/gm)].map((m) => m[1]));
    for (const name of names) expect(listed.has(name), name).toBe(true);
  });

  it('rpm requires pcsc-lite, its library and libsecret, and recommends OpenSC (a weak dependency tag)', () => {
    expect(CONFIG.rpm.depends).toEqual(expect.arrayContaining(['pcsc-lite', 'pcsc-lite-libs', 'libsecret', 'gtk3', 'nss']));
    expect(CONFIG.rpm.fpm).toEqual(['--rpm-tag', 'Recommends: opensc']);
    expect(CONFIG.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
  });
});

describe('CI workflow (.github/workflows/installers.yml)', () => {
  const stepNamed = (part: string) => JOB.steps.find((s) => s.name?.includes(part)) as Step;

  it('builds on Windows, macOS and Linux every target electron-builder.yml names, and uploads them', () => {
    const byOs = Object.fromEntries(JOB.strategy.matrix.include.map((entry) => [entry.os, entry.targets.split(' ')]));
    expect(Object.keys(byOs).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(byOs['windows-latest']).toEqual(['--win', ...CONFIG.win.target, '--x64']);
    expect(byOs['macos-latest']).toEqual(['--mac', ...CONFIG.mac.target]);
    expect(byOs['ubuntu-latest']).toEqual(['--linux', ...CONFIG.linux.target]);
    expect(stepNamed('Installers').run).toBe('npx vite build && npx electron-builder ${{ matrix.targets }} --publish never');
    const uploaded = (JOB.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path ?? '').split('\n').filter(Boolean);
    const extensions = { nsis: 'exe', msi: 'msi', dmg: 'dmg', pkg: 'pkg', deb: 'deb', rpm: 'rpm', AppImage: 'AppImage' } as Record<string, string>;
    for (const target of [...CONFIG.win.target, ...CONFIG.mac.target, ...CONFIG.linux.target]) expect(uploaded, target).toContain(`release/*.${extensions[target]}`);
  });

  it('runs npm test on Linux through .ci/run (its apt packages), in Debian as root', () => {
    expect(JOB.strategy.matrix.include.find((entry) => entry.os === 'ubuntu-latest')?.container).toMatch(/^node:20-bookworm$/);
    expect(stepNamed('npm test')).toMatchObject({ if: "runner.os == 'Linux'", run: '.ci/run' });
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/apt-get install [^\n]*chromium[\s\S]*\nnpm install && npm test\n/);
  });

  it('takes signing credentials only from the repository’s secrets, and only for their OS', () => {
    const signing = stepNamed('Signing credentials');
    for (const [name, value] of Object.entries(signing.env ?? {})) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    expect(signing.run).toMatch(/Windows\) names="WIN_CSC_LINK WIN_CSC_KEY_PASSWORD"/);
    expect(signing.run).toMatch(/macOS\) names="CSC_LINK [^"]*APPLE_TEAM_ID"/);
    // Secrets appear in no other step.
    expect(WORKFLOW_TEXT.split('secrets.').length - 1).toBe(Object.keys(signing.env ?? {}).length);
  });
});
