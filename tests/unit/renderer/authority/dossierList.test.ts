import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import { createRendererApp } from '../../../../src-renderer/createRendererApp';
import DossierList from '../../../../src-renderer/components/DossierList.vue';
import { createAppRouter } from '../../../../src-renderer/router/createAppRouter';
import { guichetKey } from '../../../../src-renderer/bridge/guichetKey';
import { createAppI18n } from '../../../../src-renderer/i18n/createAppI18n';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { TEST_ORIGIN } from '../../../helpers/createTestMainContext';
import { startChildSandbox, createMainWithAuthority, type MainWithAuthority } from './childSandbox';
import { untilRendered } from '../../../helpers/untilRendered';

describe('demo banner, connection status and dossier list against a real main (demo sandbox)', () => {
  let main: MainWithAuthority;
  beforeEach(async () => {
    // Under happy-dom the sandbox modules cannot load in-process (import.meta.url is not a file URL): it runs as a
    // child process, started through the same demo hook main uses.
    main = await createMainWithAuthority({ startDemo: startChildSandbox });
    document.body.innerHTML = '<div id="app"></div><div id="list"></div>';
  });
  afterEach(async () => main.cleanup());

  it('shows demo mode, syncs after unlock and lists the synced dossiers with translated statuses', { timeout: 60_000 }, async () => {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    const { app, router } = createRendererApp(bridge, { memoryHistory: true });
    await router.push('/settings');
    await router.isReady();
    app.mount('#app');
    const root = document.getElementById('app')!;
    await untilRendered(() => root.querySelector('[data-testid="demo-banner"]') !== null, 'the demo banner');
    expect(root.querySelector('[data-testid="demo-banner"]')?.textContent).toContain('Demo mode: example data only');

    await main.context.router.dispatch('vault.create', { passphrase: 'correct horse battery staple' }, { url: TEST_ORIGIN });
    // Online as soon as the sandbox answered; the last-sync time once the first sync is done.
    await untilRendered(() => root.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') === 'online' && root.querySelector('[data-testid="last-sync"]') !== null, 'online after the first sync').catch((e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(main.context.connectionStatus.status())} ${JSON.stringify(main.log.entries.slice(-5))}`);
    });
    expect(root.querySelector('[data-testid="last-sync"]')?.textContent).toContain('Last synchronisation');

    const list = createApp(DossierList);
    list.provide(guichetKey, bridge);
    list.use(createPinia()).use(createAppI18n('en')).use(createAppRouter({ memory: true }));
    list.mount('#list');
    const listRoot = document.getElementById('list')!;
    await untilRendered(() => listRoot.querySelectorAll('tbody tr').length > 0, 'dossier rows').catch((e: unknown) => { throw new Error(String(e) + listRoot.innerHTML.slice(0, 3000)); });
    const statuses = [...listRoot.querySelectorAll('.dossier-list__status')].map((el) => el.textContent?.trim());
    expect(statuses.every((s) => ['Submitted', 'Received', 'In process', 'Information requested', 'Completed', 'Rejected'].includes(s ?? ''))).toBe(true);
    const total = () => Number(/\d+/.exec(listRoot.querySelector('.dossier-list__total')?.textContent ?? '')?.[0] ?? -1);
    const before = total();

    // A submission through the outbox appears live (dossiers.changed).
    const catalogue = await (await main.context.connection.api()).getFormDefinition('residence-certificate');
    await main.context.router.dispatch(
      'submissions.enqueue',
      { spaceId: 'PP-A7K3QZ', procedureId: 'residence-certificate', procedureVersion: String(catalogue!.definition.version), language: 'en', data: {} },
      { url: TEST_ORIGIN },
    );
    await untilRendered(() => total() === before + 1, 'the new dossier').catch((e: unknown) => {
      throw new Error(`${String(e)} ${before} ${total()} ${JSON.stringify(main.context.outbox.listOutbox({}))}`);
    });
    expect(listRoot.querySelector('tbody tr')?.textContent).toContain('Submitted');
    list.unmount();
    app.unmount();
  });
});
