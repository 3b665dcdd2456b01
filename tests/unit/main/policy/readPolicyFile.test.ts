import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPolicyFile } from '../../../../src-main/policy/readPolicyFile';
import { NO_POLICY } from '../../../../src-main/policy/MachinePolicy';
import { PolicyError } from '../../../../src-main/policy/PolicyError';
import { serializeError } from '../../../../src-shared/errors';

describe('policy file (Linux /etc/guichet-desktop/policy.json)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-policy-'));
    file = path.join(dir, 'policy.json');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function problemsOf(content: string): Promise<PolicyError> {
    await writeFile(file, content);
    const error = await readPolicyFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyError;
  }

  it('is no policy when the file does not exist', async () => {
    expect(await readPolicyFile(file)).toEqual(NO_POLICY);
  });

  it('reads managed and recommended values', async () => {
    await writeFile(
      file,
      JSON.stringify({
        managed: { authorityUrl: 'https://api.guichet.example.lu/v1', idleLockMinutes: 5, pkcs11Modules: ['/usr/lib/pkcs11/libgclib.so'] },
        recommended: { language: 'fr' },
      }),
    );
    expect(await readPolicyFile(file)).toEqual({
      managed: { authorityUrl: 'https://api.guichet.example.lu/v1', idleLockMinutes: 5, pkcs11Modules: ['/usr/lib/pkcs11/libgclib.so'] },
      recommended: { language: 'fr' },
      source: file,
    });
  });

  it('refuses a misspelt setting by its name, and an invalid value by its path', async () => {
    const error = await problemsOf(JSON.stringify({ managed: { idleLockMinute: 5, authorityUrl: 'ftp://x' }, recommended: { language: 'lb' } }));
    expect(error.problems.map((p) => p.path).sort()).toEqual(['managed.authorityUrl', 'managed.idleLockMinute', 'recommended.language']);
    expect(error.problems.find((p) => p.path === 'managed.idleLockMinute')?.message).toBe('unknown setting');
    expect(error.message).toContain(file);
    // It crosses the bridge like every error: a stable name and the details an administrator needs.
    expect(serializeError(error)).toMatchObject({ name: 'PolicyError', kind: 'expected', details: { source: file } });
  });

  it('refuses an unknown top-level section, a file that is not JSON, and one that cannot be read', async () => {
    expect((await problemsOf(JSON.stringify({ mandatory: {} }))).problems).toEqual([{ path: 'mandatory', message: 'unknown setting' }]);
    expect((await problemsOf('{"managed": {"language": "de",}}')).problems[0]?.message).toMatch(/^not valid JSON/);
    await rm(file);
    await mkdir(file);
    expect(await readPolicyFile(file).catch((e: unknown) => (e as PolicyError).problems)).toEqual([{ path: '', message: 'the file cannot be read (EISDIR)' }]);
  });
});
