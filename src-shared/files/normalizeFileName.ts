/**
 * Longest name kept, in code points. Well under the 255 UTF-16 units a file name may have on Windows, macOS and Linux,
 * so that a save dialog's " (2)" or an appended extension still fits, and so that a name stays readable in a list.
 */
export const MAX_FILE_NAME_LENGTH = 120;

/** A longer "extension" is part of the name: a long dotted tail must not eat the whole length when cutting. */
const MAX_EXTENSION_LENGTH = 16;

export const DEFAULT_FALLBACK_FILE_NAME = 'file';

/** The message of the refusal, also used as the zod issue's message (a stable key the UI can translate). */
export const FILE_NAME_CONTAINS_NUL = 'fileNameContainsNul';

export type FileNameResult = { ok: true; name: string } | { ok: false; reason: typeof FILE_NAME_CONTAINS_NUL };

/**
 * Characters nobody sees but that change what is shown or what the file system does: C0/C1 controls and DEL (Cc),
 * format characters (Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks
 * U+200E/U+200F/U+061C, zero-width space and joiners, word joiner, BOM, soft hyphen, tag characters), line and
 * paragraph separators, lone surrogates (not encodable as UTF-8, so not storable as text), and whatever else Unicode
 * says renders as nothing (Default_Ignorable_Code_Point: fillers, variation selectors, and code points not assigned
 * yet in ranges kept for such characters, e.g. U+2065, which a later Unicode may make a format character).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

/** Characters Windows refuses in a name (':' would also name an alternate data stream); the separators are gone by then. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;

/**
 * Device names that Windows opens instead of a file, whatever the extension ("CON.pdf", "nul.tar.gz") and with
 * trailing spaces before the dot. COM/LPT with superscript digits count too.
 */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

const isReserved = (name: string): boolean => WINDOWS_RESERVED.test(name.split('.')[0]!.replace(/ +$/, ''));

const trimEnd = (name: string): string => name.replace(/[\s.]+$/u, '');

/** Cuts to MAX_FILE_NAME_LENGTH code points (never inside a surrogate pair), keeping a short extension whole. */
function cap(name: string): string {
  const points = Array.from(name);
  if (points.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  const extensionLength = Array.from(extension).length - 1;
  const keep = extensionLength >= 1 && extensionLength <= MAX_EXTENSION_LENGTH && !/\s/u.test(extension) ? extension : '';
  const base = points.slice(0, MAX_FILE_NAME_LENGTH - Array.from(keep).length).join('');
  // A mark whose base letter was cut off would sit on the next character; dots and spaces before the extension go too
  // (unless nothing would be left: a name of nothing but marks).
  const shortened = trimEnd(base.replace(/\p{M}+$/u, ''));
  return `${shortened === '' ? base : shortened}${keep}`;
}

/**
 * The one way a file name from outside main (the renderer, the authority, a picked file) becomes a stored or shown
 * name: only the last path part (after / or \ and a drive letter), without invisible or bidi characters, without the
 * characters Windows forbids, not a Windows device name, without leading spaces or trailing dots and spaces, NFC, at
 * most MAX_FILE_NAME_LENGTH code points with the extension kept, and never empty (`fallback` instead; a name that is
 * only an extension gets it in front). A NUL is refused rather than dropped: it is never in a real name, and a caller
 * that sends one is truncating names somewhere (C strings) and must be told. Idempotent.
 */
export function normalizeFileName(raw: string, options: { fallback?: string } = {}): FileNameResult {
  if (raw.includes('\u0000')) return { ok: false, reason: FILE_NAME_CONTAINS_NUL };
  const fallback = options.fallback ?? DEFAULT_FALLBACK_FILE_NAME;
  // Invisibles first: an override between the dots of "..\u202E/" must not hide a separator or keep it from composing.
  const visible = raw.replace(INVISIBLE, '').normalize('NFC');
  const lastPart = visible.split(/[/\\]/).filter((part) => part !== '').at(-1) ?? '';
  let name = lastPart
    .replace(/^[A-Za-z]:/, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/^\s+/u, '');
  name = trimEnd(name);
  if (name === '') return { ok: true, name: fallback };
  // A leading dot would hide the file on Unix systems, and ".pdf" alone is an unnamed PDF.
  if (name.startsWith('.')) name = `${fallback}${name}`;
  name = cap(name);
  if (isReserved(name)) name = cap(`_${name}`);
  return { ok: true, name: name.normalize('NFC') };
}
