import { z } from 'zod';
import { isLoopbackHost } from './isLoopbackHost';
import { plainHttpUrl } from './plainHttpUrl';

/** The message: a stable key the UI can translate (and readable as it is in an administrator's log). */
export const URL_MUST_BE_HTTPS = 'urlMustBeHttps';

/**
 * An https URL, or http to this computer (127.0.0.1, ::1, localhost: the sandbox and local test servers). Anything
 * else in clear could be read and changed on the way: the session, personal data, submissions. The base keeps the
 * generated JSON Schema a plain `format: uri` (refinements are not part of it).
 */
export const httpsUrlSchema = z.url({ protocol: /^https?$/ }).refine((value) => {
  const url = plainHttpUrl(value);
  return url === null || isLoopbackHost(url.hostname);
}, URL_MUST_BE_HTTPS);
