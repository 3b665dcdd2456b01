import { describe, expect, it } from 'vitest';
import { HttpError, newError } from 'builder-util-runtime';
import { updateErrorKind } from '../../../../src-main/updates/updateErrorKind';

// The errors are electron-updater's own kinds (builder-util-runtime's newError codes, HttpError), not look-alikes.
describe('updateErrorKind', () => {
  it.each([
    [newError('sha512 checksum mismatch', 'ERR_CHECKSUM_MISMATCH'), 'checksum'],
    [newError('Cannot parse update info', 'ERR_UPDATER_INVALID_UPDATE_INFO'), 'feed'],
    [newError('not a semver version', 'ERR_UPDATER_INVALID_VERSION'), 'feed'],
    [newError('no checksum', 'ERR_UPDATER_NO_CHECKSUM'), 'feed'],
    [newError('Cannot find channel "latest.yml"', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'notFound'],
    [new HttpError(500, 'Internal Server Error'), 'server'],
    [new HttpError(403, 'Forbidden'), 'server'],
    [new HttpError(404, 'Not Found'), 'notFound'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'network'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND updates.example.lu'), { code: 'ENOTFOUND' }), 'network'],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), 'network'],
    [new Error('something else'), 'unknown'],
    [undefined, 'unknown'],
  ])('%s is %s', (error, kind) => {
    expect(updateErrorKind(error)).toBe(kind);
  });
});
