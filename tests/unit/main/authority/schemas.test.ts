import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { listAnswers, schemaComponents } from '../../../../src-shared/authority/apiSchemas';
import { backoffDelay } from '../../../../src-main/authority/backoff';
import { proxyConfig } from '../../../../src-main/authority/proxyConfig';
import { isPermanentFailure } from '../../../../src-main/authority/classifyFailure';
import { AuthorityRequestError, AuthorityResponseError } from '../../../../src-shared/authority/errors';
import { NetworkError } from '../../../../src-shared/errors';

interface JsonSchema {
  required?: string[];
  properties?: Record<string, unknown>;
}

const doc = parse(readFileSync('api/authority.openapi.yaml', 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
};

const LIMIT_KEYS = ['maxLength', 'maxItems'] as const;

/**
 * Every maxLength/maxItems of a schema, by where it applies (`items[].body.en`), through $refs, unions and
 * intersections: the document and the zod schemas must cap the same fields the same way.
 */
function limitsOf(root: unknown): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  const walk = (node: unknown, at: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 40) return;
    const n = node as Record<string, unknown>;
    if (typeof n.$ref === 'string') {
      const name = n.$ref.replace('#/components/schemas/', '');
      return walk(doc.components.schemas[name], at, depth + 1);
    }
    for (const key of LIMIT_KEYS) if (typeof n[key] === 'number') (out[at] ??= new Set()).add(`${key}=${n[key] as number}`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(n[key])) for (const branch of n[key] as unknown[]) walk(branch, at, depth + 1);
    if (n.properties && typeof n.properties === 'object') {
      for (const [name, child] of Object.entries(n.properties as Record<string, unknown>)) walk(child, at ? `${at}.${name}` : name, depth + 1);
    }
    if (n.items) walk(n.items, `${at}[]`, depth + 1);
  };
  walk(root, '', 0);
  return Object.fromEntries(Object.entries(out).map(([at, set]) => [at, [...set].sort()]));
}

const zodJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

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

  it.each(Object.entries(schemaComponents))('%s: same field and list limits', (name, schema) => {
    expect(limitsOf(zodJson(schema))).toEqual(limitsOf(doc.components.schemas[name]));
  });

  it.each(Object.entries(listAnswers))('%s: same field and list limits as the 200 answer', (operation, schema) => {
    const [method, path] = operation.split(' ') as [string, string];
    const answer = doc.paths[path]?.[method.toLowerCase()]?.responses['200']?.content?.['application/json']?.schema;
    expect(answer, operation).toBeDefined();
    expect(limitsOf(zodJson(schema))).toEqual(limitsOf(answer));
  });

  it('caps every list and text the client stores', () => {
    const message = limitsOf(zodJson(listAnswers['GET /spaces/{space}/dossiers/{ref}/messages']));
    expect(message).toMatchObject({ items: ['maxItems=10000'], 'items[].body.en': ['maxLength=100000'], 'items[].id': ['maxLength=128'] });
    expect(limitsOf(zodJson(schemaComponents.ChangesPage))).toMatchObject({ items: ['maxItems=1000'], 'items[].message.body.de': ['maxLength=100000'] });
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
