import type { SenderInfo } from './SenderInfo';

/**
 * Only our own renderer may call main: its origin must be one of the allowed ones exactly (scheme, host and port).
 * A frame navigated elsewhere, an iframe from the network or a page of another local server is refused.
 */
export function createSenderCheck(allowedOrigins: readonly string[]): (sender: SenderInfo) => boolean {
  const allowed = new Set(allowedOrigins.map((origin) => originOf(origin)));
  return (sender) => {
    const origin = originOf(sender.url);
    return origin !== null && allowed.has(origin);
  };
}

/** scheme://host[:port]; computed by hand because WHATWG URL gives custom schemes (app://) an opaque "null" origin. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
