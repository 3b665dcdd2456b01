import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { de } from '../../../src-renderer/i18n/messages/de';
import { en } from '../../../src-renderer/i18n/messages/en';
import { fr } from '../../../src-renderer/i18n/messages/fr';

/** Every error class that can cross the bridge declares `errorName = '...'`; the UI must translate each of them. */
function declaredErrorNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const match of readFileSync(file, 'utf8').matchAll(/errorName(?::\s*string)?\s*=\s*'(\w+)'/g)) names.add(match[1] as string);
      }
    }
  };
  for (const root of ['src-shared', 'src-main']) walk(root);
  names.delete('GuichetError');
  return [...names].sort();
}

describe('error translations', () => {
  const names = declaredErrorNames();

  it('finds the error classes', () => {
    expect(names).toContain('ValidationError');
    expect(names).toContain('WrongPassphraseError');
    expect(names.length).toBeGreaterThan(20);
  });

  it.each([
    ['en', en],
    ['de', de],
    ['fr', fr],
  ] as const)('%s translates every error name', (_locale, messages) => {
    const missing = names.filter((name) => !(name in messages.errors));
    expect(missing).toEqual([]);
  });
});
