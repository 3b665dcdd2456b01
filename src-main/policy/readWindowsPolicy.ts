import { settingsSchema, type SettingKey } from '../../src-shared/settings/settingsSchema';
import { NO_POLICY, type MachinePolicy } from './MachinePolicy';
import { parsePolicyDocument } from './parsePolicyDocument';
import { parseRegQuery, type RegistryValue } from './parseRegQuery';
import { PolicyError, type PolicyProblem } from './PolicyError';

export const WINDOWS_POLICY_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\GuichetDesktop';

/** Runs reg.exe with the given arguments (execFile in the app; the tests pass captured outputs). */
export type RegRunner = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

type ValueKind = 'string' | 'number' | 'list';

function kindOf(key: string): ValueKind | undefined {
  if (!(key in settingsSchema.shape)) return undefined;
  const example = settingsSchema.shape[key as SettingKey].unwrap();
  const type = (example as { type?: string }).type;
  if (type === 'number') return 'number';
  if (type === 'array') return 'list';
  return 'string';
}

/** A registry value in the shape the setting takes; an unknown name is passed on for the schema to refuse by name. */
function toSetting(name: string, value: RegistryValue, problems: PolicyProblem[], where: string): unknown {
  const kind = kindOf(name);
  const isString = value.type === 'REG_SZ' || value.type === 'REG_EXPAND_SZ';
  switch (kind) {
    case 'number':
      if (value.type === 'REG_DWORD' || value.type === 'REG_QWORD') return Number.parseInt(value.data, 16);
      problems.push({ path: `${where}\\${name}`, message: `must be a REG_DWORD, not ${value.type}` });
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

/**
 * Windows: HKLM\SOFTWARE\Policies\GuichetDesktop holds the enforced values (one registry value per setting) and its
 * Recommended subkey the defaults, as Group Policy writes them. No key, no policy.
 */
export async function readWindowsPolicy(runReg: RegRunner): Promise<MachinePolicy> {
  const result = await runReg(['query', WINDOWS_POLICY_KEY, '/s', '/reg:64']);
  if (result.code !== 0) {
    // reg.exe answers 1 and "unable to find the specified registry key" when no policy was deployed.
    if (/unable to find/i.test(result.stderr + result.stdout)) return NO_POLICY;
    throw new PolicyError(WINDOWS_POLICY_KEY, [{ path: '', message: `reg.exe failed (${result.code}): ${result.stderr.trim()}` }]);
  }
  const keys = parseRegQuery(result.stdout);
  const problems: PolicyProblem[] = [];
  const section = (suffix: string): Record<string, unknown> | undefined => {
    const where = WINDOWS_POLICY_KEY + suffix;
    const values = [...keys.entries()].find(([path]) => path.toLowerCase() === where.toLowerCase())?.[1];
    if (!values || values.size === 0) return undefined;
    return Object.fromEntries([...values].filter(([name]) => name !== '').map(([name, value]) => [name, toSetting(name, value, problems, where)]));
  };
  const document = { managed: section(''), recommended: section('\\Recommended') };
  if (problems.length > 0) throw new PolicyError(WINDOWS_POLICY_KEY, problems);
  if (!document.managed && !document.recommended) return NO_POLICY;
  return parsePolicyDocument(WINDOWS_POLICY_KEY, JSON.parse(JSON.stringify(document)));
}
