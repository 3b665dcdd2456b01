import { createApp, h } from 'vue';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ChangePinForm from '../../../../src-renderer/components/ChangePinForm.vue';
import { createAppI18n } from '../../../../src-renderer/i18n/createAppI18n';
import { guichetKey } from '../../../../src-renderer/bridge/guichetKey';
import { createBridge } from '../../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../../src-shared/contract/contract';
import { createDirectTransport } from '../../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../../helpers/createTestMainContext';
import { untilRendered } from '../../../helpers/untilRendered';

const pin = { initialized: true, countLow: false, finalTry: false, locked: false, toBeChanged: false, pinPad: false, minLength: 4, maxLength: 8 };

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('change PIN form', () => {
  let main: TestMain;
  let root: HTMLElement;
  beforeEach(async () => {
    main = await createTestMainContext({ systemLocales: ['en-GB'] });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(async () => {
    root.remove();
    await main.cleanup();
  });

  it('after "not the same", both new PINs are typed again, the message goes once typing starts, focus is on the new PIN', async () => {
    const app = createApp({ render: () => h(ChangePinForm, { token: { moduleId: 'softhsm2-00000000', slotId: '1' }, pin }) });
    app.provide(guichetKey, createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN)));
    app.use(createPinia()).use(createAppI18n('en'));
    app.mount(root);
    const [oldPin, newPin, repeat] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    type(oldPin!, '1234');
    type(newPin!, '5678');
    type(repeat!, '5679');
    root.querySelector('form')!.dispatchEvent(new Event('submit'));
    await untilRendered(() => root.querySelector('[role="alert"]') !== null, 'the mismatch message');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('not the same');
    expect([newPin!.value, repeat!.value]).toEqual(['', '']);
    expect(document.activeElement).toBe(newPin);
    type(newPin!, '5');
    await untilRendered(() => root.querySelector('[role="alert"]') === null, 'the message to go');
    app.unmount();
  });
});
