/** An error answered as application/problem+json (RFC 9457). `type` is a stable URN the client switches on. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  get type(): string {
    return problemType(this.slug);
  }

  toBody(): Record<string, unknown> {
    return { type: this.type, title: this.title, status: this.status, ...(this.detail ? { detail: this.detail } : {}), ...this.extra };
  }
}

export function problemType(slug: string): string {
  return `urn:guichet:problem:${slug}`;
}

export const PROBLEM_JSON = 'application/problem+json';

export const problems = {
  unauthenticated: (detail = 'A valid session token is required.') => new Problem(401, 'unauthenticated', 'Not signed in', detail),
  forbidden: (detail: string) => new Problem(403, 'forbidden', 'Not allowed', detail),
  notFound: (detail: string) => new Problem(404, 'not-found', 'Not found', detail),
  badRequest: (detail: string, extra?: Record<string, unknown>) => new Problem(400, 'bad-request', 'Bad request', detail, extra),
  conflict: (slug: string, detail: string) => new Problem(409, slug, 'Conflict', detail),
};
