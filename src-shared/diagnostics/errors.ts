import { ExpectedError } from '../errors/GuichetError';

/** "Save…" before "Create report": main saves only the report it made and showed, so there is none to save yet. */
export class DiagnosticsReportMissingError extends ExpectedError {
  static override readonly errorName: string = 'DiagnosticsReportMissingError';
}
