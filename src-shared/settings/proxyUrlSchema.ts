import { z } from 'zod';
import { isLoopbackHost } from './isLoopbackHost';
import { URL_MUST_BE_HTTPS } from './httpsUrlSchema';
import { plainHttpUrl } from './plainHttpUrl';

/**
 * A proxy for the authority's API: https, http to this computer, or http without a user name and password.
 *
 * Plain http stays allowed because the traffic through the proxy is not in clear: the authority's URL must be https
 * (httpsUrlSchema) and its requests are tunnelled with CONNECT (axios does for https targets, Chromium too), so TLS runs
 * end to end through the proxy. What an http proxy would send in clear is its own credentials (Basic, in every
 * CONNECT): those need https. Most company proxies only speak http, so refusing it would leave them no setting at all.
 */
export const proxyUrlSchema = z.url({ protocol: /^https?$/ }).refine((value) => {
  const url = plainHttpUrl(value);
  return url === null || isLoopbackHost(url.hostname) || (url.username === '' && url.password === '');
}, URL_MUST_BE_HTTPS);
