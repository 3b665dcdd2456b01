/** Characters that change how text looks without showing themselves: controls, bidi and zero-width format marks, line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A text to be checked by a person (a library's full path in a confirmation) with every invisible character written
 * out as \u{…}: a right-to-left override cannot make "evil.so" read as another name.
 */
export function showInvisibles(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
