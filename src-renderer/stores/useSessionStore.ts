import { ref, toRaw } from 'vue';
import { defineStore } from 'pinia';
import type { SessionStatus } from '../../src-shared/authority/viewSchemas';
import type { IdentityRef } from '../../src-shared/tokens/tokenSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** The session with the authority: who is signed in, and signing in with a token or a PKCS#12 identity. */
export const useSessionStore = defineStore('session', () => {
  const guichet = useGuichet();
  const status = ref<SessionStatus | null>(null);
  let unsubscribe: (() => void) | null = null;

  async function load(): Promise<void> {
    // The connection status carries who is signed in; follow it rather than polling.
    unsubscribe ??= guichet.events.on('connection.changed', () => {
      void guichet.session.status().then((next) => (status.value = next));
    });
    status.value = await guichet.session.status();
  }

  async function signIn(identity: IdentityRef, pin: string | undefined): Promise<SessionStatus> {
    // A plain copy: the identity often comes from reactive state, and IPC's structured clone refuses a Vue proxy.
    const plain = { ...toRaw(identity) } as IdentityRef;
    status.value = await guichet.session.signIn(pin === undefined ? { identity: plain } : { identity: plain, pin });
    return status.value;
  }

  async function signOut(): Promise<void> {
    status.value = await guichet.session.signOut();
  }

  return { status, load, signIn, signOut };
});
