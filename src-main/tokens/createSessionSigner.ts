import { MechanismUnsupportedError } from '../../src-shared/tokens/errors';
import type { ModuleClient } from './ModuleClient';
import type { TokenModules } from './TokenModules';
import { ecdsaRawToDer } from './ecdsaRawToDer';
import { isDigestInput, type SignInput, type SignatureAlgorithmName, type TokenSigner } from './TokenSigner';
import type { OpenSessionResult, SignMechanism } from './worker/protocol';

export type SessionSigner = TokenSigner & { signWith(mechanism: SignMechanism | undefined, input: SignInput): Promise<Buffer> };

/**
 * A signer on a logged-in session of a token key. It closes itself after `idleMs` without a signature (a card left
 * logged in is a risk) and when `close()` is called; `onClose` lets the owner forget it.
 */
export function createSessionSigner(options: {
  modules: TokenModules;
  client: ModuleClient;
  opened: OpenSessionResult;
  keyType: 'rsa' | 'ec';
  certificate: Buffer;
  chain: Buffer[];
  where: Record<string, string>;
  idleMs: number;
  onClose(signer: SessionSigner): void;
}): SessionSigner {
  const { modules, client, opened, keyType, where } = options;
  let closed = false;
  let idle: NodeJS.Timeout | null = null;
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void signer.close(), options.idleMs);
    idle.unref();
  };
  const signer: SessionSigner = {
    certificate: options.certificate,
    chain: options.chain,
    algorithm: (keyType === 'ec' ? 'ECDSA-SHA256' : 'RSASSA-PKCS1-v1_5-SHA256') as SignatureAlgorithmName,
    signWith: async (mechanism, input) => {
      if (closed) throw new MechanismUnsupportedError('This signer was closed.', where);
      armIdle();
      const digest = isDigestInput(input);
      const chosen: SignMechanism = mechanism ?? (keyType === 'ec' ? 'ecdsa-sha256' : digest ? 'rsa-pkcs' : 'sha256-rsa-pkcs');
      const bytes = digest ? input.digest : input;
      try {
        const raw = (await modules.call(
          client,
          { op: 'sessionSign', session: opened.session, mechanism: chosen, input: bytes, inputIsDigest: digest },
          [],
          where,
        )) as Uint8Array;
        return chosen === 'ecdsa-sha256' ? ecdsaRawToDer(raw) : Buffer.from(raw);
      } catch (error) {
        void modules.rescan(client);
        throw error;
      }
    },
    sign: (input) => signer.signWith(undefined, input),
    close: async () => {
      if (closed) return;
      closed = true;
      if (idle) clearTimeout(idle);
      options.onClose(signer);
      await client.request({ op: 'closeSession', session: opened.session }).catch(() => undefined);
    },
  };
  armIdle();
  return signer;
}
