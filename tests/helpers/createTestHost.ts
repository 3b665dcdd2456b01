import type { HostInfo } from '../../src-main/host/HostInfo';

/**
 * The host of a main made for a test: the dev host's kind, English system language, no file dialogs, and a person
 * who declines main's questions, unless the test says otherwise.
 */
export function createTestHost(overrides: Partial<HostInfo> = {}): HostInfo {
  return {
    kind: 'devhost',
    name: 'Guichet Desktop',
    version: '0.0.0-test',
    platform: process.platform,
    versions: { node: process.versions.node },
    systemLocales: () => ['en-GB'],
    pickFile: null,
    pickSaveFile: null,
    confirm: async () => false,
    openExternal: async () => undefined,
    ...overrides,
  };
}
