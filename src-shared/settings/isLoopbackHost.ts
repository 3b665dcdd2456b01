/** Hosts that are this computer, as WHATWG URL writes them (lower case, IPv6 in brackets, "127.1" as 127.0.0.1). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * True for this computer's own addresses only: compared whole, so "127.0.0.1.evil.com" and "localhost.evil.com" are
 * other hosts. Pass `new URL(...).hostname`.
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
