import { describe, expect, it } from 'vitest';
import { baseCompile } from '@intlify/message-compiler';
import { de } from '../../../src-renderer/i18n/messages/de';
import { en } from '../../../src-renderer/i18n/messages/en';
import { fr } from '../../../src-renderer/i18n/messages/fr';

function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * vue-i18n compiles each message when it is first shown: a message with a bare `@` (an e-mail address), `|` or an
 * unclosed `{` fails there, at the person's screen (the e-mail hint broke the anonymous form this way). Compiled here.
 */
describe('every message compiles', () => {
  it.each([
    ['en', en],
    ['de', de],
    ['fr', fr],
  ] as const)('%s', (_locale, messages) => {
    const broken: string[] = [];
    for (const [key, message] of leaves(messages)) {
      baseCompile(message, { onError: (error) => broken.push(`${key}: ${error.message}`) });
    }
    expect(broken).toEqual([]);
  });
});
