import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KnownModule } from '../../src-main/tokens/knownModules';
import { createMainContext, type MainContext } from '../../src-main/createMainContext';
import { createMemoryLogger } from '../../src-main/log/createMemoryLogger';
import type { HostInfo } from '../../src-main/host/HostInfo';
import { createTestHost } from './createTestHost';
import type { MachinePolicy } from '../../src-main/policy/MachinePolicy';
import type { Clock } from '../../src-main/vault/Clock';
import type { AuthorityWiringOptions } from '../../src-main/authority/createAuthority';
import type { UpdatesWiringOptions } from '../../src-main/updates/createUpdates';

export const TEST_ORIGIN = 'http://127.0.0.1:5999';

export interface TestMain {
  context: MainContext;
  dir: string;
  log: ReturnType<typeof createMemoryLogger>;
  opened: string[];
  /** The `detail` of every question main asked through host.confirm (the full path, for a module). */
  asked: string[];
  cleanup(): Promise<void>;
}

/** A real main (real settings file, real router) in a fresh temporary profile folder. */
export async function createTestMainContext(
  options: {
    policy?: MachinePolicy;
    systemLocales?: string[];
    pickFile?: HostInfo['pickFile'];
    pickSaveFile?: HostInfo['pickSaveFile'];
    /** How the person answers main's questions; by default they decline. */
    confirmAnswer?: boolean;
    pageDialogs?: HostInfo['pageDialogs'];
    vaultClock?: Clock;
    authority?: AuthorityWiringOptions;
    updates?: UpdatesWiringOptions;
    /** Middleware looked for at the usual paths (default none: see below). */
    knownModules?: readonly KnownModule[];
  } = {},
): Promise<TestMain> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-test-'));
  const log = createMemoryLogger();
  const opened: string[] = [];
  const asked: string[] = [];
  const host = createTestHost({
    systemLocales: () => options.systemLocales ?? ['fr-LU'],
    pickFile: options.pickFile ?? null,
    pickSaveFile: options.pickSaveFile ?? null,
    confirm: async ({ detail }) => {
      asked.push(detail);
      return options.confirmAnswer ?? false;
    },
    openExternal: async (url) => {
      opened.push(url);
    },
    ...(options.pageDialogs ? { pageDialogs: options.pageDialogs } : {}),
  });

  const context = await createMainContext({
    userDataDir: dir,
    host,
    log,
    trustedOrigins: [TEST_ORIGIN],
    policy: options.policy,
    ...(options.vaultClock ? { vaultClock: options.vaultClock } : {}),
    ...(options.authority ? { authority: options.authority } : {}),
    ...(options.updates ? { updates: options.updates } : {}),
    // Explicit: under happy-dom import.meta.url is not a file URL, so main's default cannot be worked out there.
    formsDir: path.resolve('resources/forms'),
    // Not the machine's middleware: OpenSC would show the virtual cards of the reader tests running beside.
    knownModules: options.knownModules ?? [],
  });
  return {
    context,
    dir,
    log,
    opened,
    asked,
    async cleanup() {
      await context.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
