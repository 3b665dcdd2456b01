import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { api, certB64, start } from './helpers';

const hasSoftHsm = ['/usr/bin/softhsm2-util', '/usr/bin/pkcs11-tool'].every((p) => existsSync(p));
const MODULE = '/usr/lib/softhsm/libsofthsm2.so';

describe.skipIf(!hasSoftHsm)('sandbox: a person on a SoftHSM2 token (scripts/sandbox-token.sh)', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await start({ seed: 'empty' });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('signs the challenge with the key on the token and opens a session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsm-'));
    const env = { ...process.env, SOFTHSM2_CONF: join(dir, 'softhsm2.conf') };
    const out = execFileSync('bash', ['scripts/sandbox-token.sh', sb.pki.dir, 'anne-schmit', 'Anne Schmit', '123456'], { env, encoding: 'utf8' });
    expect(out).toMatch(/slot \d+ label Anne Schmit/);
    const ch = await api(sb, '/auth/challenge', { method: 'POST' });
    writeFileSync(join(dir, 'nonce'), ch.data.nonce);
    execFileSync(
      'pkcs11-tool',
      ['--module', MODULE, '--token-label', 'Anne Schmit', '--login', '--pin', '123456', '--sign', '--mechanism', 'SHA256-RSA-PKCS', '--id', '01', '-i', join(dir, 'nonce'), '-o', join(dir, 'sig')],
      { env, stdio: 'pipe' },
    );
    const r = await api(sb, '/auth/session', {
      method: 'POST',
      json: {
        nonce: ch.data.nonce,
        certificates: [certB64(sb, sb.pki.persons['anne-schmit']!.auth)],
        signature: readFileSync(join(dir, 'sig')).toString('base64'),
        algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
      },
    });
    expect(r.status).toBe(201);
    expect(r.data.person.ssn).toBe('10000000000000000001');
  });
});
