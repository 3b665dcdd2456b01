import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction, ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/** Where the one OpenAPI document lives in the repo. */
export const defaultOpenApiPath = fileURLToPath(new URL('../../api/authority.openapi.yaml', import.meta.url));

type Json = Record<string, unknown>;

export interface Violation {
  method: string;
  path: string;
  status: number;
  where: 'request' | 'response';
  errors: string[];
}

const COMPONENTS_ID = 'urn:guichet:openapi:components';

/** Deep copy that points `#/components/schemas/X` at the registered components schema. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        out[k] = `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
      } else out[k] = rewriteRefs(v);
    }
    return out;
  }
  return node;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/**
 * The OpenAPI 3.1 document, compiled with Ajv (JSON Schema 2020-12): request bodies and response bodies are
 * checked against it. Paths in the document are relative to the server URL `/v1`.
 */
export class Contract {
  readonly doc: Json;
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction | null>();
  readonly violations: Violation[] = [];
  /** "METHOD /path/{template} status" seen by the checker. */
  readonly exercised = new Set<string>();
  private readonly basePath: string;

  constructor(path = defaultOpenApiPath) {
    this.doc = parse(readFileSync(path, 'utf8')) as Json;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    const components = ((this.doc.components as Json | undefined)?.schemas ?? {}) as Json;
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(components) as Json });
    const servers = (this.doc.servers as { url: string }[] | undefined) ?? [];
    this.basePath = servers[0] ? servers[0].url.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/\/$/, '') : '';
  }

  /** `/v1/spaces/:space/changes` (fastify) -> `/spaces/{space}/changes` (document), or null outside the API. */
  templateOf(fastifyUrl: string): string | null {
    if (!fastifyUrl.startsWith(this.basePath + '/')) return null;
    return fastifyUrl.slice(this.basePath.length).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  }

  operation(template: string, method: string): Json | null {
    const item = (this.doc.paths as Json)[template] as Json | undefined;
    return (item?.[method.toLowerCase()] as Json | undefined) ?? null;
  }

  private compile(key: string, schema: unknown): ValidateFunction | null {
    if (this.cache.has(key)) return this.cache.get(key)!;
    const fn = schema ? this.ajv.compile(rewriteRefs(schema) as Json) : null;
    this.cache.set(key, fn);
    return fn;
  }

  /** Validates a value against `#/components/schemas/<name>`. */
  validateSchema(name: string, value: unknown): string[] {
    const fn = this.compile(`schema:${name}`, { $ref: `#/components/schemas/${name}` });
    return fn && !fn(value) ? formatErrors(fn.errors) : [];
  }

  /** Request body check (JSON bodies only). Returns errors, empty when fine or not described. */
  validateRequest(template: string, method: string, body: unknown): string[] {
    const op = this.operation(template, method);
    const schema = (((op?.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined)
      ?.schema;
    if (!schema) return [];
    const fn = this.compile(`req:${method} ${template}`, schema);
    return fn && !fn(body) ? formatErrors(fn.errors) : [];
  }

  /** Response check; records the exchange and any violation. */
  checkResponse(template: string, method: string, status: number, contentType: string, body: unknown): string[] {
    const op = this.operation(template, method);
    this.exercised.add(`${method.toUpperCase()} ${template} ${status}`);
    const errors: string[] = [];
    if (!op) errors.push('operation not in the document');
    else {
      const responses = (op.responses ?? {}) as Json;
      const response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default) as Json | undefined;
      if (!response) errors.push(`status ${status} not documented`);
      else {
        const ref = response.$ref as string | undefined;
        const resolved = ref ? (((this.doc.components as Json).responses as Json)[ref.split('/').pop()!] as Json) : response;
        const content = (resolved.content ?? {}) as Json;
        const mediaType = contentType.split(';')[0]!.trim();
        if (status !== 304 && status !== 204 && !(mediaType in content)) {
          errors.push(`content type ${mediaType} not documented (has ${Object.keys(content).join(', ') || 'none'})`);
        } else if (mediaType in content && /json$/.test(mediaType)) {
          const schema = (content[mediaType] as Json).schema;
          const fn = this.compile(`res:${method} ${template} ${status} ${mediaType}`, schema);
          if (fn && !fn(body)) errors.push(...formatErrors(fn.errors));
        }
      }
    }
    if (errors.length) this.violations.push({ method, path: template, status, where: 'response', errors });
    return errors;
  }
}
