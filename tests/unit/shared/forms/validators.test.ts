import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidEmail,
  isValidIban,
  isValidMatricule,
  isValidPhone,
  makeMatricule,
  normalizeLuPostalCode,
  normalizePhone,
  resolveDateBound,
} from '../../../../src-shared/forms';
import { ibanCheckDigits } from '../../../../src-shared/forms/validators/ibanMod97';
import { IBAN_LENGTHS } from '../../../../src-shared/forms/validators/ibanLengths';
import { luhnCheckDigit } from '../../../../src-shared/forms/validators/luhnCheckDigit';
import { verhoeffCheckDigit } from '../../../../src-shared/forms/validators/verhoeffCheckDigit';
import { formatIsoDate } from '../../../../src-shared/forms/validators/formatIsoDate';

/** Changes the digit at `index` (a digit) by `delta` (1..9), modulo 10. */
function changeDigit(s: string, index: number, delta: number): string {
  const d = (Number(s[index]) + delta) % 10;
  return s.slice(0, index) + String(d) + s.slice(index + 1);
}

describe('IBAN', () => {
  it('accepts real valid IBANs, with or without spaces and in any case', () => {
    expect(isValidIban('LU28 0019 4006 4475 0000')).toBe(true);
    expect(isValidIban('LU280019400644750000')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('gb82west12345698765432')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
    expect(isValidIban('BE68 5390 0754 7034')).toBe(true);
  });

  it('refuses one changed digit, a wrong length, a bad shape', () => {
    expect(isValidIban('LU28 0019 4006 4475 0001')).toBe(false);
    expect(isValidIban('LU29 0019 4006 4475 0000')).toBe(false);
    expect(isValidIban('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(isValidIban('LU28 0019 4006 4475 000')).toBe(false);
    expect(isValidIban('28LU 0019 4006 4475 0000')).toBe(false);
    expect(isValidIban('')).toBe(false);
    expect(isValidIban(123)).toBe(false);
  });

  const validIban = fc
    .constantFrom(...Object.keys(IBAN_LENGTHS))
    .chain((country) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: (IBAN_LENGTHS[country] ?? 20) - 4, maxLength: (IBAN_LENGTHS[country] ?? 20) - 4 }).map((digits) => {
        const bban = digits.join('');
        return `${country}${ibanCheckDigits(country, bban)}${bban}`;
      }),
    );

  it('property: every generated valid IBAN passes and every single-digit change fails', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, at, delta) => {
        expect(isValidIban(iban)).toBe(true);
        const index = 2 + (at % (iban.length - 2)); // any digit position (check digits included)
        expect(isValidIban(changeDigit(iban, index, delta))).toBe(false);
      }),
    );
  });
});

describe('matricule', () => {
  it('accepts the commonly cited sample and computed ones', () => {
    expect(isValidMatricule('1893120105732')).toBe(true);
    expect(isValidMatricule('1893 1201 057 32')).toBe(true);
    expect(makeMatricule('1893-12-01', 57)).toBe('1893120105732');
    expect(isValidMatricule(makeMatricule('2020-02-29', 123))).toBe(true);
  });

  it('uses Luhn for the 12th digit and Verhoeff for the 13th (textbook values)', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(luhnCheckDigit('18931201057')).toBe(3);
    expect(verhoeffCheckDigit('18931201057')).toBe(2);
  });

  it('refuses changed digits, impossible dates, wrong lengths', () => {
    expect(isValidMatricule('1893120105733')).toBe(false); // Verhoeff digit
    expect(isValidMatricule('1893120105742')).toBe(false); // Luhn digit
    expect(isValidMatricule('1893120105832')).toBe(false); // sequence
    expect(isValidMatricule('189312010573')).toBe(false);
    expect(isValidMatricule(makeMatricule('2021-02-29', 1))).toBe(false); // no 29 February in 2021
    expect(isValidMatricule(makeMatricule('1990-13-01', 1))).toBe(false);
    expect(isValidMatricule('abcdefghijklm')).toBe(false);
  });

  const validMatricule = fc
    .record({ day: fc.integer({ min: -25_567, max: 47_482 }), sequence: fc.integer({ min: 0, max: 999 }) })
    .map(({ day, sequence }) => makeMatricule(formatIsoDate(day), sequence));

  it('property: every generated matricule passes and every single-digit change fails', () => {
    fc.assert(
      fc.property(validMatricule, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (m, index, delta) => {
        expect(isValidMatricule(m)).toBe(true);
        expect(isValidMatricule(changeDigit(m, index, delta))).toBe(false);
      }),
    );
  });
});

describe('e-mail, phone, postal code, date bounds', () => {
  it('e-mail', () => {
    expect(isValidEmail('marie.muller@example.lu')).toBe(true);
    expect(isValidEmail('a+b@sub.example.com')).toBe(true);
    for (const bad of ['no-at.example.lu', 'a@b', 'a b@example.lu', 'a@@example.lu', 'a..b@example.lu', '']) {
      expect(isValidEmail(bad)).toBe(false);
    }
  });

  it('phone: international numbers, normalised to E.164', () => {
    expect(normalizePhone('+352 26 12 34 56')).toBe('+35226123456');
    expect(normalizePhone('00352 621 123 456')).toBe('+352621123456');
    expect(normalizePhone('+352 (0)26-12.34.56')).toBe('+35226123456');
    expect(isValidPhone('+33 1 23 45 67 89')).toBe(true);
    expect(isValidPhone('26 12 34 56')).toBe(false);
    expect(isValidPhone('+0352261234')).toBe(false);
    expect(isValidPhone('+352 12')).toBe(false);
  });

  it('Luxembourg postal code', () => {
    expect(normalizeLuPostalCode('L-1234')).toBe('1234');
    expect(normalizeLuPostalCode('l 2540')).toBe('2540');
    expect(normalizeLuPostalCode('1234')).toBe('1234');
    expect(normalizeLuPostalCode('L-123')).toBeNull();
    expect(normalizeLuPostalCode('F-57000')).toBeNull();
  });

  it('relative date bounds', () => {
    const day = (iso: string) => resolveDateBound(iso, '2024-01-31');
    expect(formatIsoDate(day('today') as number)).toBe('2024-01-31');
    expect(formatIsoDate(day('today+1d') as number)).toBe('2024-02-01');
    expect(formatIsoDate(day('today+1m') as number)).toBe('2024-02-29');
    expect(formatIsoDate(day('today-18y') as number)).toBe('2006-01-31');
    expect(formatIsoDate(day('2000-05-06') as number)).toBe('2000-05-06');
    expect(day('2000-02-30')).toBeNull();
  });
});
