import { ExpectedError } from '../errors/GuichetError';

/**
 * Why an attachment's content does not match the type it was given as: 'otherType' (it is another kind the app
 * knows, `detected`), 'unknownType' (none of the kinds the app accepts), 'unreadable' (it starts like a PDF but
 * does not parse).
 */
export type AttachmentMismatchReason = 'otherType' | 'unknownType' | 'unreadable';

/**
 * An attachment refused for its content: a text file named `fake.pdf`, a PNG named `.jpg`, a broken PDF. Main looks
 * at the bytes where they arrive, whatever the name or the picker's media type say. `details`: `name`, `declared`
 * (the media type it came with), `detected` (what the bytes are, or null) and `reason`.
 */
export class AttachmentTypeMismatchError extends ExpectedError {
  static override readonly errorName = 'AttachmentTypeMismatchError';

  constructor(details: { name: string; declared: string; detected: string | null; reason: AttachmentMismatchReason }) {
    const found = details.reason === 'unreadable' ? 'a PDF that cannot be read' : (details.detected ?? 'no accepted type');
    super(`'${details.name}' is not ${details.declared}: its content is ${found}.`, { ...details });
  }
}
