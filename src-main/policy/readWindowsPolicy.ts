import { settingsSchema, type SettingKey } from '../../src-shared/settings/settingsSchema';
import { NO_POLICY, type MachinePolicy } from './MachinePolicy';
import { parsePolicyDocument } from './parsePolicyDocument';
import { parseRegQuery, type RegistryValue } from './parseRegQuery';
import { PolicyError, type PolicyProblem } from './PolicyError';

export const WINDOWS_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\GuichetDesktop';

/** Runs reg.exe with the given arguments (execFile in the app; the tests pass captured outputs). */
export type RegRunner = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

type ValueKind = 'string' | 'number' | 'boolean' | 'list';

function kindOf(key: string): ValueKind | undefined {
  // Own keys only: a value named "toString" or "constructor" is an unknown setting, not Object's.
  if (!Object.hasOwn(settingsSchema.shape, key)) return undefined;
  const example = settingsSchema.shape[key as SettingKey].unwrap();
  const type = (example as { type?: string }).type;
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'list';
  return 'string';
}

/**
 * %NAME% references of a REG_EXPAND_SZ, from the environment (names are case-insensitive on Windows). An unknown
 * one stays as written, as Windows leaves it (a percent-encoded URL must survive).
 */
function expand(data: string, env: NodeJS.ProcessEnv): string {
  return data.replace(/%([^%]+)%/g, (whole, name: string) => {
    const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
    return key !== undefined && env[key] !== undefined ? env[key] : whole;
  });
}

/** A registry value in the shape the setting takes; an unknown name is passed on for the schema to refuse by name. */
function toSetting(name: string, raw: RegistryValue, problems: PolicyProblem[], where: string, env: NodeJS.ProcessEnv): unknown {
  const kind = kindOf(name);
  const value = raw.type === 'REG_EXPAND_SZ' ? { ...raw, data: expand(raw.data, env) } : raw;
  const isString = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ';
  switch (kind) {
    case 'number':
      if (value.type === 'REG_DWORD' || value.type === 'REG_QWORD') return Number.parseInt(value.data, 16);
      problems.push({ path: `${where}\\${name}`, message: `must be a REG_DWORD, not ${value.type}` });
      return undefined;
    case 'boolean':
      // A switch (mailboxNotifications): REG_DWORD 1 on, 0 off; any other number is refused by the schema.
      if (value.type === 'REG_DWORD') {
        const n = Number.parseInt(value.data, 16);
        return n === 1 ? true : n === 0 ? false : n;
      }
      problems.push({ path: `${where}\\${name}`, message: `must be a REG_DWORD (1 or 0), not ${value.type}` });
      return undefined;
    case 'list':
      if (value.type === 'REG_MULTI_SZ') return value.data === '' ? [] : value.data.split('\\0').filter((item) => item !== '');
      if (isString) return value.data === '' ? [] : [value.data];
      problems.push({ path: `${where}\\${name}`, message: `must be a REG_MULTI_SZ, not ${value.type}` });
      return undefined;
    case 'string':
      // An empty string stands for "none" (for example no authority URL: the demo sandbox).
      if (isString) return value.data === '' ? null : value.data;
      problems.push({ path: `${where}\\${name}`, message: `must be a REG_SZ, not ${value.type}` });
      return undefined;
    default:
      return value.data;
  }
}

function regFailed(key: string, result: { code: number; stdout: string; stderr: string }): PolicyError {
  return new PolicyError(key, [{ path: '', message: `reg.exe failed (${result.code}): ${(result.stderr || result.stdout).trim()}` }]);
}

/**
 * Windows: HKLM\SOFTWARE\Policies\GuichetDesktop holds the enforced values (one registry value per setting) and its
 * Recommended subkey the defaults, as Group Policy writes them. No key, no policy.
 */
export async function readWindowsPolicy(runReg: RegRunner, env: NodeJS.ProcessEnv = process.env): Promise<MachinePolicy> {
  // Whether our key exists, from the listing of its parent: reg.exe's "not found" message is translated (and its exit
  // code is 1 for every failure), but key paths never are. HKLM\SOFTWARE\Policies exists on every Windows, so a
  // listing that fails (reg.exe blocked, access denied, timeout) is an error: an enforced policy is never skipped.
  const parent = WINDOWS_POLICY_KEY.slice(0, WINDOWS_POLICY_KEY.lastIndexOf('\\'));
  const listing = await runReg(['query', parent, '/reg:64']);
  if (listing.code !== 0) throw regFailed(parent, listing);
  if (!listing.stdout.split(/\r?\n/).some((line) => line.trim().toLowerCase() === WINDOWS_POLICY_KEY.toLowerCase())) return NO_POLICY;
  const result = await runReg(['query', WINDOWS_POLICY_KEY, '/s', '/reg:64']);
  if (result.code !== 0) throw regFailed(WINDOWS_POLICY_KEY, result);
  const keys = parseRegQuery(result.stdout);
  const problems: PolicyProblem[] = [];
  const section = (suffix: string): Record<string, unknown> | undefined => {
    const where = WINDOWS_POLICY_KEY + suffix;
    const values = [...keys.entries()].find(([path]) => path.toLowerCase() === where.toLowerCase())?.[1];
    if (!values || values.size === 0) return undefined;
    return Object.fromEntries([...values].filter(([name]) => name !== '').map(([name, value]) => [name, toSetting(name, value, problems, where, env)]));
  };
  const document = { managed: section(''), recommended: section('\\Recommended') };
  if (problems.length > 0) throw new PolicyError(WINDOWS_POLICY_KEY, problems);
  if (!document.managed && !document.recommended) return NO_POLICY;
  return parsePolicyDocument(WINDOWS_POLICY_KEY, JSON.parse(JSON.stringify(document)));
}
