import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createBridge } from '../../../src-shared/bridge/createBridge';
import { createDirectTransport } from '../../helpers/createDirectTransport';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';

const callNames = Object.keys(contractCalls) as (keyof typeof contractCalls)[];

describe('the IPC contract', () => {
  let main: TestMain;
  beforeAll(async () => {
    main = await createTestMainContext();
  });
  afterAll(async () => main.cleanup());

  it('has a handler for every declared call and no handler outside it', () => {
    expect([...main.context.router.callNames].sort()).toEqual([...callNames].sort());
  });

  it('gives the bridge one named method per call, and nothing generic', () => {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN)) as unknown as Record<string, Record<string, unknown>>;
    for (const name of callNames) {
      const [namespace, method] = name.split('.') as [string, string];
      expect(typeof bridge[namespace]?.[method], name).toBe('function');
    }
    const methodCount = Object.entries(bridge)
      .filter(([namespace]) => namespace !== 'events')
      .reduce((sum, [, group]) => sum + Object.keys(group).length, 0);
    expect(methodCount).toBe(callNames.length);
    expect(Object.keys(bridge.events ?? {})).toEqual(['on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it.each(callNames)('%s takes a strict object or nothing as input', (name) => {
    const schema = contractCalls[name].input as z.ZodType;
    const isNothing = schema instanceof z.ZodUndefined;
    const isStrictObject = schema instanceof z.ZodObject && schema.safeParse({ __unexpected__: 1 }).success === false;
    expect(isNothing || isStrictObject, `${name} input must be z.undefined() or a .strict() object`).toBe(true);
  });

  it.each(callNames)('%s refuses invalid input with a ValidationError', async (name) => {
    for (const bad of [42, 'text', [], { __unexpected__: 1 }]) {
      const result = await main.context.router.dispatch(name, bad, { url: TEST_ORIGIN });
      expect(result, `${name} with ${JSON.stringify(bad)}`).toMatchObject({ ok: false, error: { name: 'ValidationError', kind: 'expected' } });
    }
  });

  it('refuses listening to an event outside the contract', () => {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    expect(() => (bridge.events.on as (name: string, listener: () => void) => void)('not.an.event', () => undefined)).toThrow(/not an event/);
  });

  it('rejects a failed call with a plain {name, message, kind, details} object', async () => {
    const bridge = createBridge({ calls: contractCalls, events: contractEvents }, createDirectTransport(main.context, TEST_ORIGIN));
    const rejection = await bridge.settings.set({ language: 'xx' as 'de' }).catch((error: unknown) => error);
    expect(rejection).toMatchObject({ name: 'ValidationError', kind: 'expected' });
    expect(rejection).not.toBeInstanceOf(Error);
  });
});
