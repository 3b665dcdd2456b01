import { describe, expect, it } from 'vitest';
import { chromiumProxyConfig, proxyCredentials } from '../../../../src-main/net/chromiumProxyConfig';

const network = (proxyMode: 'system' | 'manual' | 'direct', proxyUrl: string | null = null) => ({ proxyMode, proxyUrl, trustedRootCertificates: [] });

describe('the desktop app session\'s proxy, from the settings', () => {
  it('follows the system (PAC included) by default, goes direct, or through the manual proxy without its credentials in the rule', () => {
    expect(chromiumProxyConfig(network('system', 'http://proxy.corp.example.lu:3128/'))).toEqual({ mode: 'system' });
    expect(chromiumProxyConfig(network('direct', 'http://proxy.corp.example.lu:3128/'))).toEqual({ mode: 'direct' });
    expect(chromiumProxyConfig(network('manual', 'https://anne:s%40cret@proxy.corp.example.lu/'))).toEqual({ mode: 'fixed_servers', proxyRules: 'https://proxy.corp.example.lu:443', proxyBypassRules: '<local>' });
    expect(chromiumProxyConfig(network('manual', 'http://proxy.corp.example.lu:3128/'))).toMatchObject({ proxyRules: 'http://proxy.corp.example.lu:3128' });
    // Manual without an address: the system's, as the settings view says.
    expect(chromiumProxyConfig(network('manual'))).toEqual({ mode: 'system' });
  });

  it('answers Chromium\'s proxy login with the manual proxy\'s credentials only', () => {
    expect(proxyCredentials(network('manual', 'https://anne:s%40cret@proxy.corp.example.lu/'))).toEqual({ username: 'anne', password: 's@cret' });
    expect(proxyCredentials(network('manual', 'http://proxy.corp.example.lu:3128/'))).toBeNull();
    expect(proxyCredentials(network('system', 'https://anne:s%40cret@proxy.corp.example.lu/'))).toBeNull();
  });
});

describe('the dev host\'s Node transport follows the same proxy rule', () => {
  it('sends through the manual proxy, not at all, or (manual without an address, system) as the environment says', async () => {
    const { createNodeTransport } = await import('../../../../src-main/net/createNodeTransport');
    const proxyOf = (mode: 'system' | 'manual' | 'direct', url: string | null = null) => {
      const transport = createNodeTransport(network(mode, url));
      transport.dispose();
      return transport.config.proxy;
    };
    expect(proxyOf('manual', 'http://proxy.corp.example.lu:3128/')).toEqual({ protocol: 'http', host: 'proxy.corp.example.lu', port: 3128 });
    expect(proxyOf('direct', 'http://proxy.corp.example.lu:3128/')).toBe(false);
    // Not set: axios's http adapter reads HTTPS_PROXY / NO_PROXY, Node's "system".
    expect(proxyOf('system')).toBeUndefined();
    expect(proxyOf('manual')).toBeUndefined();
  });
});
