export interface Secret {
  /** What it is, for the failure message (never the value itself). */
  what: string;
  value: string;
}

export interface LogFileText {
  file: string;
  text: string;
}

/**
 * Which secrets occur in which log files. Digits-only secrets (PINs, matricules) count only as a whole number, not as
 * a part of a longer one (a size in bytes may hold 123456 by chance); others match case-insensitively anywhere.
 * No log file at all is a failure of its own: a scan of nothing proves nothing.
 */
export function findSecretsInLogs(files: readonly LogFileText[], secrets: readonly Secret[]): string[] {
  if (files.length === 0) return ['no log file was written by the dev hosts of this run'];
  const findings: string[] = [];
  for (const secret of secrets) {
    const pattern = /^\d+$/.test(secret.value) ? new RegExp(`(?<!\\d)${secret.value}(?!\\d)`) : new RegExp(escapeRegExp(secret.value), 'i');
    for (const file of files) if (pattern.test(file.text)) findings.push(`${file.file} holds ${secret.what}`);
  }
  return findings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
