import type { BridgeTransport } from '../../src-shared/bridge/BridgeTransport';
import type { MainContext } from '../../src-main/createMainContext';

/**
 * A transport straight into a real in-process main (router + event hub), cloning values both ways as IPC does.
 * Lets renderer tests run the real bridge factory against the real handlers, without Electron.
 */
export function createDirectTransport(context: MainContext, senderUrl: string): BridgeTransport {
  return {
    async invoke(name, input) {
      return structuredClone(await context.router.dispatch(name, structuredClone(input), { url: senderUrl }));
    },
    subscribe(name, listener) {
      return context.events.subscribe((eventName, payload) => {
        if (eventName === name) listener(structuredClone(payload));
      });
    },
  };
}
