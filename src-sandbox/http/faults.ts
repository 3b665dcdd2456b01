/**
 * Faults on demand, per route pattern, for the next N matching requests (or always, or at a rate).
 * - delay: wait `delayMs` before handling; phase 'after' handles first and holds the answer (it is as of the request)
 * - error: answer `status` (default 503) with problem+json; phase 'after' runs the handler first (the work is done,
 *   the client only sees the failure)
 * - drop: destroy the socket; phase 'after' runs the handler first (the answer is lost)
 * - duplicate: the changes feed repeats the page's items (and the next page starts again halfway)
 * - malformed: the body becomes invalid JSON; wrong-shape: valid JSON of the wrong shape
 */
export const faultKinds = ['delay', 'error', 'drop', 'duplicate', 'malformed', 'wrong-shape'] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Path pattern: `*` matches one path segment, `**` any rest, e.g. `/v1/spaces/*\/changes`. Default `**`. */
  route?: string;
  method?: string;
  /** How many matching requests get the fault; default 1; 0 = every request until cleared. */
  times?: number;
  /** Probability 0..1 for each matching request; default 1. */
  rate?: number;
  delayMs?: number;
  status?: number;
  phase?: 'before' | 'after';
}

export interface ActiveFault extends Required<Omit<FaultSpec, 'method'>> {
  id: number;
  method: string | null;
  remaining: number | null;
  hits: number;
  regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg === '*' ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

export class Faults {
  private list: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const route = spec.route ?? '**';
    const times = spec.times ?? 1;
    const fault: ActiveFault = {
      id: this.nextId++,
      kind: spec.kind,
      route,
      method: spec.method ? spec.method.toUpperCase() : null,
      times,
      rate: spec.rate ?? 1,
      delayMs: spec.delayMs ?? 0,
      status: spec.status ?? 503,
      phase: spec.phase ?? 'before',
      remaining: times === 0 ? null : times,
      hits: 0,
      regex: route === '**' ? /.*/ : toRegex(route),
    };
    this.list.push(fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }

  remove(id: number): boolean {
    const before = this.list.length;
    this.list = this.list.filter((f) => f.id !== id);
    return this.list.length !== before;
  }

  active(): ActiveFault[] {
    return [...this.list];
  }

  /** The first fault of `kind` (and phase) that matches; consumes one of its `times`. */
  take(kind: FaultKind, method: string, path: string, phase?: 'before' | 'after'): ActiveFault | null {
    for (const f of this.list) {
      if (f.kind !== kind) continue;
      if (phase && f.phase !== phase) continue;
      if (f.method && f.method !== method.toUpperCase()) continue;
      if (!f.regex.test(path)) continue;
      if (f.rate < 1 && Math.random() >= f.rate) continue;
      f.hits += 1;
      if (f.remaining !== null) {
        f.remaining -= 1;
        if (f.remaining <= 0) this.list = this.list.filter((x) => x !== f);
      }
      return f;
    }
    return null;
  }
}

export function describeFault(f: ActiveFault): Record<string, unknown> {
  return {
    id: f.id,
    kind: f.kind,
    route: f.route,
    method: f.method,
    remaining: f.remaining,
    rate: f.rate,
    delayMs: f.delayMs,
    status: f.status,
    phase: f.phase,
    hits: f.hits,
  };
}
