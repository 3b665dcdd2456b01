/**
 * Structured log lines. Fields are data, never secrets: PINs, passphrases and keys must not be passed here
 * (redactFields strips the usual suspects as a second line of defence).
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}
