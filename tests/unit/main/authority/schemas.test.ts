import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { schemaComponents } from '../../../../src-shared/authority/apiSchemas';
import { backoffDelay } from '../../../../src-main/authority/backoff';
import { proxyConfig } from '../../../../src-main/authority/proxyConfig';
import { isPermanentFailure } from '../../../../src-main/authority/classifyFailure';
import { AuthorityRequestError, AuthorityResponseError } from '../../../../src-shared/authority/errors';
import { NetworkError } from '../../../../src-shared/errors';

interface JsonSchema {
  required?: string[];
  properties?: Record<string, unknown>;
}

const doc = parse(readFileSync('api/authority.openapi.yaml', 'utf8')) as { components: { schemas: Record<string, JsonSchema> } };

/** Required keys of a zod object, as its JSON Schema says. */
function zodRequired(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { allOf?: JsonSchema[] };
  return [...(json.required ?? json.allOf?.[0]?.required ?? [])].sort();
}

describe('zod schemas mirror the OpenAPI document', () => {
  it.each(Object.entries(schemaComponents))('%s: same required fields and properties', (name, schema) => {
    const component = doc.components.schemas[name];
    expect(component, `components/schemas/${name}`).toBeDefined();
    expect(zodRequired(schema)).toEqual([...(component!.required ?? [])].sort());
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    expect(Object.keys(json.properties ?? {}).sort()).toEqual(Object.keys(component!.properties ?? {}).sort());
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 10_000, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 10_000, random: () => 1 })).toBe(800);
    expect(backoffDelay(20, { baseMs: 100, maxMs: 10_000, random: () => 1 })).toBe(10_000);
  });

  it('fails an outbox item for good only on a refusal', () => {
    const refused = (status: number, type = 'x') => new AuthorityRequestError('no', { status, type });
    expect(isPermanentFailure(refused(413))).toBe(true);
    expect(isPermanentFailure(refused(415))).toBe(true);
    expect(isPermanentFailure(refused(422))).toBe(true);
    expect(isPermanentFailure(refused(503))).toBe(false);
    expect(isPermanentFailure(refused(429))).toBe(false);
    expect(isPermanentFailure(refused(409, 'idempotency-in-flight'))).toBe(false);
    expect(isPermanentFailure(new NetworkError('down'))).toBe(false);
    expect(isPermanentFailure(new AuthorityResponseError('bad'))).toBe(false);
  });

  it('reads the proxy from the settings URL', () => {
    expect(proxyConfig(null)).toBe(false);
    expect(proxyConfig('http://user:p%40ss@proxy.example:3128')).toEqual({ protocol: 'http', host: 'proxy.example', port: 3128, auth: { username: 'user', password: 'p@ss' } });
  });
});
