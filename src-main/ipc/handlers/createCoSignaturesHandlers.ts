import type { cosignaturesCalls } from '../../../src-shared/contract/cosignaturesContract';
import type { HandlersFor } from '../HandlersFor';
import type { CoSignatures } from '../../submissions/CoSignatures';

const pinBuffer = (pin: string | undefined) => (pin === undefined ? {} : { pin: Buffer.from(pin, 'utf8') });

export function createCoSignaturesHandlers(deps: { cosignatures: CoSignatures }): HandlersFor<typeof cosignaturesCalls> {
  const { cosignatures } = deps;
  return {
    // The token service takes the PIN's buffer over and zero-fills it after the login.
    'cosignatures.send': ({ preparedId, identity, pin, coSignerSpaceId }) => cosignatures.send({ preparedId, identity, coSignerSpaceId, ...pinBuffer(pin) }),
    'cosignatures.list': async () => ({ items: await cosignatures.list() }),
    'cosignatures.open': async ({ requestId }) => {
      const opened = await cosignatures.open(requestId);
      return { ...opened, signature: opened.signature === 'advanced' ? 'advanced' : 'qualified' };
    },
    'cosignatures.signers': ({ openedId }) => cosignatures.signers(openedId),
    'cosignatures.complete': ({ openedId, identity, pin }) => cosignatures.complete({ openedId, identity, ...pinBuffer(pin) }),
    'cosignatures.decline': ({ requestId }) => cosignatures.decline(requestId),
  };
}
