import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAME_CONTAINS_NUL, MAX_FILE_NAME_LENGTH, normalizeFileName } from '../../../../src-shared/files/normalizeFileName';

/** The normalised name, failing the test when the name is refused. */
function normal(raw: string, fallback?: string): string {
  const result = normalizeFileName(raw, fallback === undefined ? {} : { fallback });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(raw)}`);
  return result.name;
}

const codePoints = (s: string): number => Array.from(s).length;

/** Separators, controls (NUL included: Cc), the bidi and zero-width characters, and what Windows refuses. */
const FORBIDDEN = /[/\\\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"|?*]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const RESERVED = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(?: *)(?:\.|$)/i;

/** Characters that trip up file names, mixed with ordinary ones, so that the properties meet them often. */
const hostileUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom('/', '\\', '.', '..', ' ', ':', 'C:', 'CON', 'nul', 'com1', 'LPT9', '\u202e', '\u2066', '\u200e', '\u061c', '\u200b', '\ufeff', '\r', '\n', '\t', '\u007f', '\u0085', 'e\u0301', '\u0301', '😀', '\ud83d', '\ude00', '<', '"', '*', '\u00a0'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
);
const hostileName = fc.array(hostileUnit, { maxLength: 80 }).map((parts) => parts.join(''));
const longHostileName = fc.array(hostileUnit, { minLength: 60, maxLength: 200 }).map((parts) => parts.join(''));
const anyName = fc.oneof(hostileName, longHostileName).filter((s) => !s.includes('\u0000'));

describe('normalizeFileName: the review’s hostile names', () => {
  it('keeps only the last part of a path, with either separator and without a drive letter', () => {
    expect(normal('../../../../etc/passwd')).toBe('passwd');
    expect(normal('..\\..\\Windows\\System32\\drivers\\etc\\hosts')).toBe('hosts');
    expect(normal('C:\\Users\\anne\\scan.pdf')).toBe('scan.pdf');
    expect(normal('C:scan.pdf')).toBe('scan.pdf');
    expect(normal('/tmp/report.pdf/')).toBe('report.pdf');
    expect(normal('\\\\server\\share\\lease.pdf')).toBe('lease.pdf');
  });

  it('drops bidi overrides, isolates, marks and zero-width characters, so the extension shown is the real one', () => {
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in a right-to-left aware list.
    expect(normal('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(normal('a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i.pdf')).toBe('abcdefghi.pdf');
    expect(normal('\u200ename\u200f\u061c.pdf')).toBe('name.pdf');
    expect(normal('zero\u200bwidth\u200c\u200d\u2060\ufeff.pdf')).toBe('zerowidth.pdf');
    // Not yet assigned but kept for invisibles (fast-check found U+2065), fillers and variation selectors.
    expect(normal('un\u2065assigned\u3164\ufe0f.pdf')).toBe('unassigned.pdf');
  });

  it('drops control characters, line breaks and lone surrogates', () => {
    expect(normal('line\r\nbreak\t.pdf')).toBe('linebreak.pdf');
    expect(normal('bell\u0007del\u007fc1\u0085\u009f.pdf')).toBe('belldelc1.pdf');
    expect(normal('sep\u2028\u2029.pdf')).toBe('sep.pdf');
    expect(normal('half\ud800.pdf')).toBe('half.pdf');
    expect(normal('whole😀.pdf')).toBe('whole😀.pdf');
  });

  it('refuses a NUL instead of dropping it', () => {
    expect(normalizeFileName('scan.pdf\u0000.exe')).toEqual({ ok: false, reason: FILE_NAME_CONTAINS_NUL });
    expect(normalizeFileName('\u0000')).toEqual({ ok: false, reason: FILE_NAME_CONTAINS_NUL });
  });

  it('renames Windows device names, with or without an extension and in any case', () => {
    expect(normal('CON.pdf')).toBe('_CON.pdf');
    expect(normal('con')).toBe('_con');
    expect(normal('Nul.tar.gz')).toBe('_Nul.tar.gz');
    expect(normal('AUX .txt')).toBe('_AUX .txt');
    expect(normal('prn.')).toBe('_prn');
    expect(normal('COM1.pdf')).toBe('_COM1.pdf');
    expect(normal('lpt9')).toBe('_lpt9');
    expect(normal('COM¹.pdf')).toBe('_COM¹.pdf');
    expect(normal('../CONOUT$')).toBe('_CONOUT$');
    // Not device names.
    expect(normal('CONTRACT.pdf')).toBe('CONTRACT.pdf');
    expect(normal('COM10.pdf')).toBe('COM10.pdf');
    expect(normal('my CON.pdf')).toBe('my CON.pdf');
  });

  it('drops trailing dots and spaces (Windows would, and show another name) and leading spaces', () => {
    expect(normal('evil.exe. . ')).toBe('evil.exe');
    expect(normal('   spaced.pdf')).toBe('spaced.pdf');
  });

  it('replaces the characters Windows refuses', () => {
    expect(normal('Rechnung: März?.pdf')).toBe('Rechnung_ März_.pdf');
    expect(normal('a<b>c"d|e*f.txt')).toBe('a_b_c_d_e_f.txt');
    expect(normal('scan.pdf:hidden')).toBe('scan.pdf_hidden');
  });

  it('is NFC', () => {
    expect(normal('Re\u0301sume\u0301.pdf')).toBe('Résumé.pdf');
    expect(normal('Re\u0301sume\u0301.pdf')).toHaveLength('Résumé.pdf'.length);
  });

  it('gives the fallback when nothing is left, and in front of a bare extension', () => {
    for (const empty of ['', '.', '..', '...', ' ', '/', '../', 'C:', '\u202e', '\u200b\u200b', ' . ']) expect(normal(empty)).toBe('file');
    expect(normal('..', 'attachment')).toBe('attachment');
    expect(normal('.pdf')).toBe('file.pdf');
    expect(normal('../.bashrc')).toBe('file.bashrc');
  });

  it('cuts long names in code points, keeps the extension and never splits a surrogate pair', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    expect(normal(long)).toBe(`${'a'.repeat(MAX_FILE_NAME_LENGTH - 4)}.pdf`);
    const emoji = `${'😀'.repeat(200)}.pdf`;
    const cut = normal(emoji);
    expect(codePoints(cut)).toBe(MAX_FILE_NAME_LENGTH);
    expect(cut).toBe(`${'😀'.repeat(MAX_FILE_NAME_LENGTH - 4)}.pdf`);
    expect(LONE_SURROGATE.test(cut)).toBe(false);
    // Not an extension: too long, so the name is simply cut.
    expect(codePoints(normal(`x.${'b'.repeat(300)}`))).toBe(MAX_FILE_NAME_LENGTH);
    // Dots and spaces just before the kept extension go, like trailing ones.
    expect(normal(`${'a'.repeat(MAX_FILE_NAME_LENGTH - 10)}${' .'.repeat(50)}.docx`)).toBe(`${'a'.repeat(MAX_FILE_NAME_LENGTH - 10)}.docx`);
    // A device name that a cut would uncover is still renamed.
    expect(normal(`CON${' '.repeat(200)}x.pdf`)).toBe('_CON.pdf');
    // And the "_" in front of a long device name does not take it over the length.
    const device = normal(`CON.${'x'.repeat(300)}`);
    expect(device.startsWith('_CON.')).toBe(true);
    expect(codePoints(device)).toBe(MAX_FILE_NAME_LENGTH);
  });
});

describe('normalizeFileName: properties', () => {
  it('never leaves a separator, NUL, control, bidi, zero-width or Windows-forbidden character, nor a lone surrogate', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const name = normal(raw);
        expect(FORBIDDEN.test(name), JSON.stringify(name)).toBe(false);
        expect(LONE_SURROGATE.test(name)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is never a device name, empty, hidden, or ends in a dot or space', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const name = normal(raw);
        expect(RESERVED.test(name), JSON.stringify(name)).toBe(false);
        expect(name.length).toBeGreaterThan(0);
        expect(/^[\s.]|[\s.]$/u.test(name), JSON.stringify(name)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is at most MAX_FILE_NAME_LENGTH code points, NFC, and idempotent', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        const name = normal(raw);
        expect(codePoints(name)).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(name).toBe(name.normalize('NFC'));
        expect(normal(name)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a usual extension, whatever comes before it', () => {
    const extension = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(anyName, extension, (base, ext) => {
        expect(normal(`${base}.${ext}`).endsWith(`.${ext}`), JSON.stringify(base)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every name with a NUL in it', () => {
    fc.assert(
      fc.property(hostileName, hostileName, (before, after) => {
        expect(normalizeFileName(`${before}\u0000${after}`)).toEqual({ ok: false, reason: FILE_NAME_CONTAINS_NUL });
      }),
    );
  });
});
