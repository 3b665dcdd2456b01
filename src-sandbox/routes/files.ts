import type { SandboxLimits } from '../context';
import { Problem } from '../http/problem';

const magic: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};

export function tooLarge(detail: string): Problem {
  return new Problem(413, 'payload-too-large', 'Too large', detail);
}

export function unsupportedType(detail: string): Problem {
  return new Problem(415, 'unsupported-media-type', 'Media type not allowed', detail);
}

/** Size, total and media type (declared and sniffed) of one file. */
export function checkFile(limits: SandboxLimits, filename: string, mediaType: string, bytes: Buffer, totalSoFar: number): void {
  if (bytes.length > limits.maxFileBytes) tooLargeFile(limits, filename);
  if (totalSoFar > limits.maxTotalBytes) throw tooLarge(`The files together exceed ${limits.maxTotalBytes} bytes.`);
  if (!limits.mediaTypes.includes(mediaType)) {
    throw unsupportedType(`${filename}: ${mediaType} is not allowed (allowed: ${limits.mediaTypes.join(', ')}).`);
  }
  const sniff = magic[mediaType];
  if (sniff && !sniff(bytes)) throw unsupportedType(`${filename}: the content is not ${mediaType}.`);
}

export function tooLargeFile(limits: SandboxLimits, filename: string): never {
  throw tooLarge(`${filename} exceeds ${limits.maxFileBytes} bytes.`);
}
