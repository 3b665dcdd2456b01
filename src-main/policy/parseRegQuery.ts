/** One value under a registry key, as `reg query` prints it. */
export interface RegistryValue {
  type: string;
  data: string;
}

/**
 * Reads the text of `reg query <key> /s`: a line with each key's full path, then one line per value,
 * "    name    REG_TYPE    data" (four-space separators; data may itself contain spaces). Returns the values by
 * key path, as printed.
 */
export function parseRegQuery(text: string): Map<string, Map<string, RegistryValue>> {
  const keys = new Map<string, Map<string, RegistryValue>>();
  let current: Map<string, RegistryValue> | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (/^HKEY_/i.test(line)) {
      current = new Map();
      keys.set(line.trim(), current);
      continue;
    }
    const match = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (match && current) current.set(match[1] === '(Default)' ? '' : (match[1] as string), { type: match[2] as string, data: match[3] ?? '' });
  }
  return keys;
}
