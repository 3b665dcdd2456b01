const SECRET_KEY = /pin|passphrase|password|secret|token|key/i;

/** Replaces values whose key looks like a secret, at any depth. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = redactFields(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}
