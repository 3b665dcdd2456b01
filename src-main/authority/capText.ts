/**
 * Control characters (line breaks, escapes, bells), format marks (bidi overrides, zero-width characters) and line
 * separators: what breaks up or disguises text in logs and on screen.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** What the client shows or logs of a text the authority sent (a problem's detail, a title). */
export const SHOWN_TEXT_MAX = 500;

/**
 * A server's text made safe to show and log: at most `max` characters, control characters replaced by spaces. Only
 * the part kept is looked at, so a text of megabytes costs nothing more than a short one.
 */
export function capText(text: string, max = SHOWN_TEXT_MAX): string {
  if (text.length <= max) return text.replace(UNSAFE, ' ');
  let head = text.slice(0, max - 1);
  // Do not end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head.replace(UNSAFE, ' ')}…`;
}
