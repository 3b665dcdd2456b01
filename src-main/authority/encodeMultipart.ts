import { randomBytes } from 'node:crypto';

export interface MultipartPart {
  name: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * An encoded multipart body as its chunks, in order: each part's head, its content (the caller's Buffer itself, not a
 * copy), the line break, and the closing boundary. Sent chunk after chunk (see AuthorityClient), and again as it is
 * for a retry; 20 MB of attachments are never copied into one Buffer.
 */
export interface EncodedMultipart {
  readonly chunks: readonly Buffer[];
  /** Total bytes of the chunks (the Content-Length). */
  readonly length: number;
  readonly contentType: string;
  /** The whole body in one Buffer, joined on first access (a copy: for small bodies and tests only). */
  readonly body: Buffer;
}

const quote = (value: string) => value.replace(/["\r\n\\]/g, '_');

/** multipart/form-data (RFC 7578): no dependence on the runtime's FormData, and resendable as is. */
export function encodeMultipart(parts: readonly MultipartPart[]): EncodedMultipart {
  const boundary = `----guichet${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  const crlf = Buffer.from('\r\n');
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"; filename="${quote(part.filename)}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
      ),
      part.content,
      crlf,
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const length = chunks.reduce((n, c) => n + c.length, 0);
  let joined: Buffer | undefined;
  return {
    chunks,
    length,
    contentType: `multipart/form-data; boundary=${boundary}`,
    get body() {
      return (joined ??= Buffer.concat(chunks, length));
    },
  };
}
