import { existsSync } from 'node:fs';

export const PCSCD = '/usr/sbin/pcscd';
export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

/** Where Debian, Fedora and Homebrew put OpenSC's PKCS#11 module (the app knows the same list, knownModules.ts). */
export const OPENSC_MODULE_PATHS = [
  '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
  '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
  '/usr/lib64/opensc-pkcs11.so',
  '/usr/lib/opensc-pkcs11.so',
  '/opt/homebrew/lib/opensc-pkcs11.so',
];

export function findOpenscModule(): string | null {
  return OPENSC_MODULE_PATHS.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * The reader stack's programs, or an error naming the Debian packages to install: a test that needs a real
 * reader never skips silently (scripts/ensure-system-deps.mjs installs them as root).
 */
export function requireReaderStackPackages(): { pcscd: string; vpcdDriver: string; openscModule: string; openscTool: string } {
  const openscModule = findOpenscModule();
  const missing = [
    ...(existsSync(PCSCD) ? [] : ['pcscd']),
    ...(existsSync(VPCD_DRIVER) ? [] : ['vsmartcard-vpcd']),
    ...(openscModule ? [] : ['opensc-pkcs11']),
    ...(existsSync('/usr/bin/opensc-tool') ? [] : ['opensc']),
  ];
  if (missing.length > 0 || !openscModule) {
    throw new Error(`The virtual reader stack needs system packages that are missing: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  return { pcscd: PCSCD, vpcdDriver: VPCD_DRIVER, openscModule, openscTool: '/usr/bin/opensc-tool' };
}
