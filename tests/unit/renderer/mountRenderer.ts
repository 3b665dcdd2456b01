import { createBridge } from '../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createRendererApp } from '../../../src-renderer/createRendererApp';
import type { MainContext } from '../../../src-main/createMainContext';
import { createDirectTransport } from '../../helpers/createDirectTransport';
import { TEST_ORIGIN } from '../../helpers/createTestMainContext';

/** The whole renderer, over the real bridge to a real main, mounted on `root` at `route` (memory history). */
export async function mountRenderer(context: MainContext, root: HTMLElement, route: string) {
  const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(context, TEST_ORIGIN));
  const { app, router } = createRendererApp(bridge, { memoryHistory: true });
  await router.push(route);
  await router.isReady();
  app.mount(root);
  return { app, router };
}
