/**
 * Structured log lines. Fields are data, never secrets or personal data: PINs, passphrases, keys, names, national
 * numbers (matricules), certificate subjects, e-mail addresses and IBANs must not be passed here (redactFields strips
 * the usual suspects as a second line of defence).
 */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}
