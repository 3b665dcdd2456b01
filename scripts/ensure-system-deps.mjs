#!/usr/bin/env node
// Makes sure the system programs the tests use are present. As root on Debian it installs what is missing with
// apt-get; otherwise it stops and names the packages. A test never skips silently for want of one of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const REQUIRED = [
  { check: '/usr/bin/chromium', pkg: 'chromium', why: 'end-to-end tests (Playwright)' },
  { check: '/usr/bin/softhsm2-util', pkg: 'softhsm2', why: 'PKCS#11 token tests' },
  { check: '/usr/bin/pkcs11-tool', pkg: 'opensc', why: 'putting keys on test tokens' },
  { check: '/usr/bin/pdfsig', pkg: 'poppler-utils', why: 'checking signed PDFs' },
  { check: '/usr/bin/qpdf', pkg: 'qpdf', why: 'checking PDF structure' },
  { check: '/usr/bin/openssl', pkg: 'openssl', why: 'independent CMS and timestamp checks' },
  { check: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core', why: 'screenshots with readable text' },
  { check: '/usr/sbin/pcscd', pkg: 'pcscd', why: 'real-reader tests (virtual PC/SC reader)' },
  { check: '/usr/lib/pcsc/drivers/serial/libifdvpcd.so', pkg: 'vsmartcard-vpcd', why: 'the virtual reader the virtual PIV card sits in' },
  { check: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so'], pkg: 'opensc-pkcs11', why: "OpenSC's PKCS#11 module, in front of the virtual card" },
];

// A check is a path, or a list of paths of which one will do (a library's folder depends on the architecture).
const present = (item) => [item.check].flat().some((candidate) => existsSync(candidate));
const missing = REQUIRED.filter((item) => !present(item));
if (missing.length === 0) process.exit(0);

const names = missing.map((item) => item.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('which', ['apt-get']).status === 0;
if (!isRoot || !hasApt) {
  console.error('Missing system packages needed by the tests:');
  for (const item of missing) console.error(`  - ${item.pkg} (${item.why})`);
  console.error(`Install them with: sudo apt-get install -y ${names.join(' ')}`);
  process.exit(1);
}
console.log(`Installing system packages for the tests: ${names.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...names], { stdio: 'inherit', env });
const stillMissing = REQUIRED.filter((item) => !present(item));
if (stillMissing.length > 0) {
  console.error(`Still missing after apt-get: ${stillMissing.map((item) => item.pkg).join(' ')}`);
  process.exit(1);
}
