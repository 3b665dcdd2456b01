import axios from 'axios';
import type { HttpTransport } from '../net/HttpTransport';

export type ProbeResult = { ok: true; status: number; ms: number } | { ok: false; error: string; ms: number };

/**
 * One GET, its status and how long it took, or the error's class (ECONNREFUSED, ETIMEDOUT, a TLS code...): whatever
 * the status, an answer means the server was reached. Through the transport the authority client uses (its proxy and
 * trusted roots), closed after.
 */
export async function probeUrl(url: string, options: { transport: HttpTransport; timeoutMs?: number; now?: () => number }): Promise<ProbeResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  try {
    const response = await axios.get(url, {
      ...options.transport.config,
      timeout: options.timeoutMs ?? 10_000,
      validateStatus: () => true,
      responseType: 'text',
      maxContentLength: 1024 * 1024,
      maxRedirects: 0,
    });
    return { ok: true, status: response.status, ms: Math.round(now() - started) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error', ms: Math.round(now() - started) };
  } finally {
    options.transport.dispose();
  }
}
