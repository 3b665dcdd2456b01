import { createHash } from 'node:crypto';
import { buildChain } from './buildChain';

/**
 * Chains by leaf and certificate pool: building one parses and checks certificates on main, so not per signature.
 * A leaf whose chain cannot be built gets an empty one (the verifier then says what is missing).
 */
export class CertificateChains {
  private readonly chains = new Map<string, Promise<Buffer[]>>();

  chainFor(leaf: Buffer, pool: Uint8Array[]): Promise<Buffer[]> {
    const hash = createHash('sha256').update(leaf);
    for (const der of pool) hash.update(createHash('sha256').update(der).digest());
    const key = hash.digest('hex');
    let chain = this.chains.get(key);
    if (!chain) {
      if (this.chains.size > 64) this.chains.clear();
      chain = buildChain(leaf, pool).catch(() => []);
      this.chains.set(key, chain);
    }
    return chain;
  }
}
