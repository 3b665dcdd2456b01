import { MIN_PASSPHRASE_LENGTH } from '../../src-shared/vault/passphrasePolicy';

export type PassphraseStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

/**
 * A hint, not a gate (main enforces the minimum): length counts most, then the mix of character kinds and the
 * number of words; a passphrase made of few distinct characters counts against it.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(passphrase)).length;
  const distinct = new Set(passphrase).size;
  const words = passphrase.trim().split(/\s+/).length;
  let score = Math.min(passphrase.length, 30) + kinds * 4 + (words >= 4 ? 10 : 0);
  if (distinct < passphrase.length / 3) score -= 15;
  if (score >= 30) return 'strong';
  if (score >= 20) return 'fair';
  return 'weak';
}
