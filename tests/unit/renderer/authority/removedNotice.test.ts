import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import DossierList from '../../../../src-renderer/components/DossierList.vue';
import { createAppRouter } from '../../../../src-renderer/router/createAppRouter';
import { guichetKey } from '../../../../src-renderer/bridge/guichetKey';
import { createAppI18n } from '../../../../src-renderer/i18n/createAppI18n';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';

describe('the dashboard tells the person what a reset of the authority removed', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMainContext();
    await main.context.vault.create('a long enough passphrase');
    document.body.innerHTML = '<div id="list"></div>';
  });
  afterEach(() => main.cleanup());

  it('names the removed procedures (the first five, then how many more) and those kept for an unsent reply', async () => {
    const list = createApp(DossierList);
    list.provide(guichetKey, createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN)));
    list.use(createPinia()).use(createAppI18n('en')).use(createAppRouter({ memory: true }));
    list.mount('#list');
    const root = document.getElementById('list')!;
    await untilRendered(() => root.querySelector('[data-testid="dossier-list-empty"]') !== null, 'the empty list');
    const references = Array.from({ length: 7 }, (_, i) => `GU-2026-000000${i + 1}`);
    main.context.events.emit('dossiers.removedByServer', { spaceId: 'PP-A7K3QZ', references, messages: 3, kept: ['GU-2026-0000042'] });
    await untilRendered(() => root.querySelector('[data-testid="removed-by-server"]') !== null, 'the notice');
    const text = root.querySelector('[data-testid="removed-by-server"]')?.textContent ?? '';
    expect(text).toContain('procedures it no longer has were removed from this computer: GU-2026-0000001, GU-2026-0000002, GU-2026-0000003, GU-2026-0000004, GU-2026-0000005 and 2 more.');
    expect(text).toContain('GU-2026-0000042 is no longer known to the administration; your unsent reply to it is kept in the outbox.');
    list.unmount();
  });
});
