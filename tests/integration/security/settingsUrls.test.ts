import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../src-shared/settings/settingsSchema';
import { URL_MUST_BE_HTTPS } from '../../../src-shared/settings/httpsUrlSchema';
import { parsePolicyDocument } from '../../../src-main/policy/parsePolicyDocument';
import { PolicyError } from '../../../src-main/policy/PolicyError';
import { createTestMainContext, TEST_ORIGIN, type TestMain } from '../../helpers/createTestMainContext';

const authorityUrl = settingsSchema.shape.authorityUrl;
const proxyUrl = settingsSchema.shape.proxyUrl;

describe('the authority URL is https, or http to this computer only', () => {
  it.each(['https://example.com', 'https://api.guichet.example.lu/v1', 'http://127.0.0.1:8443', 'http://localhost', 'http://localhost:5999/v1', 'http://[::1]:8443/'])(
    'accepts %s',
    (url) => {
      expect(authorityUrl.safeParse(url).success).toBe(true);
    },
  );

  it.each([
    'http://example.com/v1',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com/',
    'http://evil.com#@127.0.0.1',
    'http://localhost@evil.com/',
    'http://10.0.0.1/',
    'ftp://x',
    'ws://127.0.0.1/',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const parsed = authorityUrl.safeParse(url);
    expect(parsed.success).toBe(false);
  });

  it('says why with one message the UI can translate', () => {
    expect(authorityUrl.safeParse('http://example.com/v1').error?.issues).toEqual([expect.objectContaining({ message: URL_MUST_BE_HTTPS, path: [] })]);
  });
});

describe('the proxy URL keeps its credentials off the wire', () => {
  it.each(['https://proxy.example.lu:3128/', 'https://user:secret@proxy.example.lu/', 'http://proxy.example.lu:3128/', 'http://127.0.0.1:3128', 'http://user:secret@localhost:3128'])(
    'accepts %s',
    (url) => {
      expect(proxyUrl.safeParse(url).success).toBe(true);
    },
  );

  it.each(['http://user:secret@proxy.example.lu:3128/', 'http://user@proxy.example.lu/', 'socks5://proxy.example.lu:1080', 'ftp://x'])('refuses %s', (url) => {
    expect(proxyUrl.safeParse(url).success).toBe(false);
  });
});

describe('policy and the settings call follow the same rule', () => {
  let main: TestMain;
  beforeAll(async () => {
    main = await createTestMainContext();
  });
  afterAll(async () => main.cleanup());

  it('a managed or recommended http authority URL is a bad policy, naming the setting', () => {
    for (const part of ['managed', 'recommended'] as const) {
      const bad = () => parsePolicyDocument('test policy', { [part]: { authorityUrl: 'http://guichet.example.lu/v1' } });
      expect(bad).toThrow(PolicyError);
      expect(bad).toThrow(new RegExp(`${part}\\.authorityUrl`));
    }
    expect(parsePolicyDocument('test policy', { managed: { authorityUrl: 'https://guichet.example.lu/v1', proxyUrl: 'http://proxy.example.lu:3128/' } }).managed).toEqual({
      authorityUrl: 'https://guichet.example.lu/v1',
      proxyUrl: 'http://proxy.example.lu:3128/',
    });
  });

  it('settings.set refuses an http authority URL and keeps the setting as it was', async () => {
    const refused = await main.context.router.dispatch('settings.set', { authorityUrl: 'http://example.com/v1' }, { url: TEST_ORIGIN });
    expect(refused).toMatchObject({ ok: false, error: { name: 'ValidationError', details: { issues: [expect.objectContaining({ path: 'authorityUrl', message: URL_MUST_BE_HTTPS })] } } });
    expect(main.context.settings.get('authorityUrl')).toBeNull();
    const loopback = await main.context.router.dispatch('settings.set', { authorityUrl: 'http://127.0.0.1:8443' }, { url: TEST_ORIGIN });
    expect(loopback).toMatchObject({ ok: true, value: { values: { authorityUrl: 'http://127.0.0.1:8443' } } });
  });
});
