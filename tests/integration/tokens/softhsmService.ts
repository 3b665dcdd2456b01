import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { TokenService } from '../../../src-main/tokens/TokenService';
import { moduleIdFor } from '../../../src-main/tokens/moduleIdFor';
import type { ModuleEntry } from '../../../src-main/tokens/ModuleEntry';
import { SOFTHSM_MODULE, type SoftHsm } from '../../helpers/softhsm/softHsm';

export const softHsmEntry = (): ModuleEntry => ({ id: moduleIdFor(SOFTHSM_MODULE!), name: 'SoftHSM2', path: SOFTHSM_MODULE!, source: 'extra' });

/** A token service on the real SoftHSM2 library (in its worker), plus a broken and a missing module from "settings". */
export function createSoftHsmService(hsm: SoftHsm, options: { pollIntervalMs?: number; withBroken?: boolean } = {}) {
  const log = createMemoryLogger();
  const entries: ModuleEntry[] = [softHsmEntry()];
  if (options.withBroken) {
    // Not a library at all: a text file named like one.
    const broken = path.join(hsm.dir, 'libbroken-pkcs11.so');
    copyFileSync(hsm.conf, broken);
    entries.push({ id: moduleIdFor(broken), name: 'broken', path: broken, source: 'settings' });
    const missing = path.join(hsm.dir, 'no-such-middleware.so');
    entries.push({ id: moduleIdFor(missing), name: 'missing', path: missing, source: 'settings' });
  }
  const service = new TokenService({ entries, log, pollIntervalMs: options.pollIntervalMs ?? 1000 });
  return { service, log, moduleId: softHsmEntry().id };
}
