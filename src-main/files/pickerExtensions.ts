import type { OpenPurpose, SavePurpose } from '../../src-shared/contract/fileHandle';

/** The file kinds each picker offers: those main accepts for that purpose anyway. The first is the one a save adds. */
export function pickerExtensions(purpose: OpenPurpose | SavePurpose, platform: string): [string, ...string[]] {
  switch (purpose) {
    case 'vaultBackup':
      return ['gvbak'];
    case 'pdfDocument':
      return ['pdf'];
    case 'diagnosticsReport':
      return ['txt'];
    case 'replyAttachment':
      return ['pdf', 'png', 'jpg', 'jpeg'];
    case 'pkcs12':
      return ['p12', 'pfx'];
    case 'pkcs11Module':
      return platform === 'win32' ? ['dll'] : platform === 'darwin' ? ['dylib', 'so'] : ['so'];
  }
}
