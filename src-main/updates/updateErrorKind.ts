import type { UpdateErrorKind } from '../../src-shared/contract/updatesContract';

/** The feed's own answers that cannot be used: not YAML, no version, no files, no checksum. */
const FEED_CODES = new Set([
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_NO_CHECKSUM',
  'ERR_UPDATER_INVALID_RELEASE_FEED',
  'ERR_UPDATER_INVALID_PROVIDER_CONFIGURATION',
  'ERR_UPDATER_INVALID_CHANNEL',
]);
const NOT_FOUND_CODES = new Set(['ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS']);
/** Node's and Chromium's ways of saying the server could not be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ERR_SOCKET_TIMEOUT']);

/**
 * What an electron-updater failure means to the person. electron-updater marks its errors with a `code`
 * (builder-util-runtime's newError) and HTTP answers with `statusCode` (HttpError); Chromium's net errors come as
 * `net::ERR_…` messages.
 */
export function updateErrorKind(error: unknown): UpdateErrorKind {
  const { code, statusCode, message } = (error ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code === 'ERR_CHECKSUM_MISMATCH') return 'checksum';
    if (FEED_CODES.has(code)) return 'feed';
    if (NOT_FOUND_CODES.has(code)) return 'notFound';
    if (NETWORK_CODES.has(code)) return 'network';
  }
  if (typeof statusCode === 'number') return statusCode === 404 ? 'notFound' : 'server';
  if (typeof message === 'string' && /net::ERR_|socket hang up/.test(message)) return 'network';
  return 'unknown';
}
