/**
 * PKCS#11 middleware the app looks for on each OS. Sources: the Gemalto/Thales Classic Client paths are those in
 * /work/shared/domain (LuxTrust middleware; it also serves the Luxembourg eID, whose certificates LuxTrust issues),
 * from web-eid's libelectronic-id; the others are the vendors' usual install paths. Known modules that are not
 * installed show as 'absent' in diagnostics (not as errors).
 */
export interface KnownModule {
  name: string;
  paths: Partial<Record<NodeJS.Platform, string[]>>;
}

export const knownModules: KnownModule[] = [
  {
    name: 'Gemalto/Thales Classic Client (LuxTrust, eID)',
    paths: {
      win32: [
        'C:\\Program Files\\Gemalto\\Classic Client\\BIN\\gclib.dll',
        'C:\\Program Files\\Thales\\Classic Client\\BIN\\gclib.dll',
        'C:\\Windows\\System32\\gclib.dll',
      ],
      darwin: [
        '/Library/Frameworks/Pkcs11ClassicClient.framework/Versions/A/Pkcs11ClassicClient/libgclib.dylib',
        '/usr/local/lib/libgclib.dylib',
      ],
      linux: ['/usr/lib/pkcs11/libgclib.so', '/usr/lib/ClassicClient/libgclib.so'],
    },
  },
  {
    name: 'Thales IDPrime / SafeNet Authentication Client',
    paths: {
      win32: ['C:\\Windows\\System32\\eTPKCS11.dll', 'C:\\Windows\\System32\\IDPrimePKCS11.dll'],
      darwin: ['/usr/local/lib/libIDPrimePKCS11.dylib', '/usr/local/lib/libeTPkcs11.dylib'],
      linux: ['/usr/lib/libIDPrimePKCS11.so', '/usr/lib/libeTPkcs11.so'],
    },
  },
  {
    name: 'OpenSC',
    paths: {
      win32: ['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'],
      darwin: ['/Library/OpenSC/lib/opensc-pkcs11.so', '/opt/homebrew/lib/opensc-pkcs11.so'],
      linux: [
        '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
        '/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so',
        '/usr/lib64/opensc-pkcs11.so',
        '/usr/lib/opensc-pkcs11.so',
      ],
    },
  },
];
