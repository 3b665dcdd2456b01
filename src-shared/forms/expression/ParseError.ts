import { ExpectedError } from '../../errors/GuichetError';

/** An expression that does not parse. `position` is the 0-based character offset of the offending token. */
export class ParseError extends ExpectedError {
  static override readonly errorName = 'ParseError';

  constructor(
    message: string,
    readonly position: number,
    readonly source: string,
  ) {
    super(`${message} at position ${position}`, { position });
  }
}
