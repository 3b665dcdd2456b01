import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultFormsDir = fileURLToPath(new URL('../../resources/forms', import.meta.url));

type FormDefinition = Record<string, unknown> & {
  id: string;
  version: unknown;
  audience: unknown;
  requiresAuthentication: boolean;
  title: unknown;
};

interface Entry {
  definition: FormDefinition;
  body: string;
  etag: string;
}

/** Keys of a form definition copied into the catalogue list (besides the required ones), when present. */
const summaryKeys = ['description', 'category', 'authority', 'etracking', 'tags', 'keywords'];

/**
 * The catalogue: the form definitions of resources/forms, served as they are (opaque JSON objects that have at least
 * id, version, audience, requiresAuthentication and title), read once at start.
 */
export class Catalogue {
  private readonly entries = new Map<string, Entry>();
  readonly listEtag: string;
  readonly skipped: { file: string; reason: string }[] = [];

  private readonly phoneRequired: ReadonlySet<string>;

  constructor(dir = defaultFormsDir, log: (msg: string) => void = () => {}, phoneRequired: Iterable<string> = []) {
    this.phoneRequired = new Set(phoneRequired);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort() : [];
    for (const file of files) {
      try {
        const definition = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FormDefinition;
        const missing = ['id', 'version', 'audience', 'requiresAuthentication', 'title'].filter((k) => !(k in definition));
        if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
        const body = JSON.stringify(definition);
        this.entries.set(definition.id, { definition, body, etag: etagOf(body) });
      } catch (e) {
        this.skipped.push({ file, reason: (e as Error).message });
        log(`catalogue: skipped ${file}: ${(e as Error).message}`);
      }
    }
    this.listEtag = etagOf([...this.entries.values()].map((e) => e.etag).concat([...this.phoneRequired].sort()).join(','));
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  summaries(audience?: string): Record<string, unknown>[] {
    return [...this.entries.values()]
      .filter((e) => !audience || matchesAudience(e.definition.audience, audience))
      .map((e) => {
        const d = e.definition;
        const summary: Record<string, unknown> = {
          id: d.id,
          version: d.version,
          audience: d.audience,
          requiresAuthentication: d.requiresAuthentication,
          title: d.title,
          etag: e.etag,
        };
        for (const k of summaryKeys) if (k in d) summary[k] = d[k];
        const contact = this.contact(d.id);
        if (contact) summary.contact = contact;
        return summary;
      });
  }

  /**
   * What a procedure without authentication asks of the person to reach them (no space, no mailbox: the e-mail is
   * the only way); undefined for procedures that need a sign-in.
   */
  contact(id: string): { email: 'required'; phone: 'required' | 'optional' } | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.definition.requiresAuthentication) return undefined;
    return { email: 'required', phone: this.phoneRequired.has(id) ? 'required' : 'optional' };
  }

  /** Title of a procedure, if the catalogue has it. */
  title(id: string): unknown {
    return this.entries.get(id)?.definition.title;
  }
}

function matchesAudience(value: unknown, audience: string): boolean {
  if (Array.isArray(value)) return value.includes(audience);
  return value === audience || value === 'both' || value === 'all';
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when an If-None-Match header matches the ETag (weak comparison, lists, `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
