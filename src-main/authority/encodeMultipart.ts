import { randomBytes } from 'node:crypto';

export interface MultipartPart {
  name: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

const quote = (value: string) => value.replace(/["\r\n\\]/g, '_');

/** multipart/form-data (RFC 7578) as one buffer: no dependence on the runtime's FormData, and resendable as is. */
export function encodeMultipart(parts: readonly MultipartPart[]): { body: Buffer; contentType: string } {
  const boundary = `----guichet${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"; filename="${quote(part.filename)}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
