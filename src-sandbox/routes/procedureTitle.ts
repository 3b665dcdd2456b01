import type { SandboxContext } from '../context';
import type { LocalizedText } from '../data/localized';
import { demoProcedures } from '../data/procedures';

/** A procedure's title as LocalizedText: the catalogue's if it has one of that shape, else the demo list's, else the id. */
export function procedureTitle(ctx: SandboxContext, id: string): LocalizedText {
  const t = ctx.catalogue.title(id);
  if (typeof t === 'string') return { de: t, fr: t, en: t };
  if (t && typeof t === 'object') {
    const o = t as Record<string, unknown>;
    const out: LocalizedText = {};
    for (const l of ['de', 'fr', 'en'] as const) if (typeof o[l] === 'string') out[l] = o[l] as string;
    if (Object.keys(out).length) return out;
  }
  return demoProcedures[id]?.title ?? { de: id, fr: id, en: id };
}
