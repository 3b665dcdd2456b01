import { PDFDocument } from 'pdf-lib';
import { AttachmentTypeMismatchError } from '../../src-shared/forms/AttachmentTypeMismatchError';
import { normalizeMediaType, type AttachmentMediaType } from '../../src-shared/forms/attachmentTypes';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Readers accept a PDF header a little after the start of the file (a byte order mark, a mail gateway's line). */
const PDF_HEADER_WITHIN = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

const PDF_MAGIC = ascii('%PDF-');
const IHDR = ascii('IHDR');

/** What the bytes are, by their magic numbers: a PDF, a PNG or a JPEG; null for anything else. */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  // PNG: the signature, then the IHDR chunk that must come first.
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, IHDR, 12)) return 'image/png';
  // JPEG: start of image, then a marker.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const end = Math.min(bytes.length - PDF_MAGIC.length, PDF_HEADER_WITHIN);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, PDF_MAGIC, at)) return 'application/pdf';
  return null;
}

/** Whether pdf-lib reads the bytes as a document with at least one page (an encrypted one counts: it has pages). */
async function pdfParses(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/**
 * Checks an attachment where its bytes arrive: its content must be the kind it was given as (a PDF that parses, a
 * PNG, a JPEG), whatever its name says. Answers the content's media type; throws AttachmentTypeMismatchError.
 */
export async function checkAttachmentContent(name: string, declaredType: string, bytes: Uint8Array): Promise<AttachmentMediaType> {
  const declared = normalizeMediaType(declaredType);
  const detected = sniffMediaType(bytes);
  if (detected === null) throw new AttachmentTypeMismatchError({ name, declared, detected, reason: 'unknownType' });
  if (detected !== declared) throw new AttachmentTypeMismatchError({ name, declared, detected, reason: 'otherType' });
  if (detected === 'application/pdf' && !(await pdfParses(bytes))) throw new AttachmentTypeMismatchError({ name, declared, detected, reason: 'unreadable' });
  return detected;
}
