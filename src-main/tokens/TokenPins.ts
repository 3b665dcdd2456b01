import type { Logger } from '../log/Logger';
import type { PinState, TokenRef } from '../../src-shared/tokens/tokenSchemas';
import { PinPolicyError } from '../../src-shared/tokens/errors';
import type { TokenModules } from './TokenModules';
import { pinStateFromFlags } from './pinStateFromFlags';
import type { RawToken } from './worker/protocol';

/**
 * A token's PIN: its state read fresh (to show before asking it), a change with the current PIN, an unblock with the
 * PUK once it is locked. PINs come in as Buffers and are zero-filled once handed over; never logged or kept.
 */
export class TokenPins {
  constructor(
    private readonly modules: TokenModules,
    private readonly log: Logger,
  ) {}

  async pinInfo(ref: TokenRef): Promise<PinState> {
    const client = await this.modules.readyModule(ref.moduleId);
    const info = (await this.modules.call(client, { op: 'tokenFlags', slotId: ref.slotId }, [], ref)) as {
      tokenFlags: number;
      minPinLen: number;
      maxPinLen: number;
    };
    return pinStateFromFlags(info.tokenFlags, info.minPinLen, info.maxPinLen);
  }

  /** C_SetPIN after a login with the current PIN. Both PINs are consumed (zero-filled). Leave both out on a PIN-pad reader. */
  async changePin(ref: TokenRef, oldPin: Buffer | undefined, newPin: Buffer | undefined): Promise<PinState> {
    try {
      const client = await this.modules.readyModule(ref.moduleId);
      const token = this.modules.findSlot(client, ref.slotId).token;
      if (newPin) checkPinRules(token, newPin, ref);
      const secrets = [oldPin, newPin].filter((b): b is Buffer => b !== undefined);
      try {
        await this.modules.call(client, { op: 'changePin', slotId: ref.slotId, oldPin: oldPin ?? null, newPin: newPin ?? null }, secrets, ref);
      } finally {
        void this.modules.rescan(client);
      }
      this.log.info('tokens.pinChanged', { module: ref.moduleId, slot: ref.slotId });
      return await this.pinInfo(ref);
    } finally {
      oldPin?.fill(0);
      newPin?.fill(0);
    }
  }

  /** A locked PIN set anew with the PUK (see worker/unblockPin.ts for how middleware does it). Both are consumed. */
  async unblockPin(ref: TokenRef, puk: Buffer, newPin: Buffer): Promise<PinState> {
    try {
      const client = await this.modules.readyModule(ref.moduleId);
      const token = this.modules.findSlot(client, ref.slotId).token;
      checkPinRules(token, newPin, ref);
      try {
        await this.modules.call(client, { op: 'unblockPin', slotId: ref.slotId, puk, newPin }, [puk, newPin], ref);
      } finally {
        void this.modules.rescan(client);
      }
      this.log.info('tokens.pinUnblocked', { module: ref.moduleId, slot: ref.slotId });
      return await this.pinInfo(ref);
    } finally {
      puk.fill(0);
      newPin.fill(0);
    }
  }
}

function checkPinRules(token: RawToken, pin: Buffer, ref: TokenRef): void {
  if (pin.length < token.minPinLen || (token.maxPinLen > 0 && pin.length > token.maxPinLen)) {
    throw new PinPolicyError('The new PIN does not fit the token’s rules.', { ...ref, minLength: token.minPinLen, maxLength: token.maxPinLen });
  }
}
