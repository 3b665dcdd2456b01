import { describe, expect, it } from 'vitest';
import { fileNameSchema } from '../../../../src-shared/files/fileNameSchema';
import { FILE_NAME_CONTAINS_NUL } from '../../../../src-shared/files/normalizeFileName';

describe('fileNameSchema', () => {
  it('parses a hostile name into the normalised one', () => {
    expect(fileNameSchema.parse('../../../../etc/passwd')).toBe('passwd');
    expect(fileNameSchema.parse('CON.pdf')).toBe('_CON.pdf');
    expect(fileNameSchema.parse('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(fileNameSchema.parse('lease.pdf')).toBe('lease.pdf');
  });

  it('refuses a NUL with an issue naming why', () => {
    const parsed = fileNameSchema.safeParse('scan.pdf\u0000.exe');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ code: 'custom', message: FILE_NAME_CONTAINS_NUL, path: [] })]);
  });

  it('keeps the input limits: empty, too long and not a string are refused', () => {
    expect(fileNameSchema.safeParse('').success).toBe(false);
    expect(fileNameSchema.safeParse('a'.repeat(256)).success).toBe(false);
    expect(fileNameSchema.safeParse(42).success).toBe(false);
  });
});
