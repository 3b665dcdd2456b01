import { mkdtemp, rm } from 'node:fs/promises';
import type { MachinePolicy } from '../../../src-main/policy/MachinePolicy';
import os from 'node:os';
import path from 'node:path';
import type { CallResult } from '../../../src-shared/contract/types';
import type { IdentityRef, TokensView } from '../../../src-shared/tokens/tokenSchemas';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { createMainContext, type MainContext } from '../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import type { Logger } from '../../../src-main/log/Logger';
import type { HostInfo } from '../../../src-main/host/HostInfo';
import { createTestHost } from '../../helpers/createTestHost';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { start } from '../sandbox/helpers';

export const ORIGIN = 'http://127.0.0.1:5999';

/** One person's app over the contract: their profile folder and vault, their token's slot. */
export interface SignedInApp {
  main: MainContext;
  dir: string;
  call(name: string, input?: unknown): Promise<CallResult>;
  value<T>(name: string, input?: unknown): Promise<T>;
  identity(role: 'authentication' | 'signature'): Promise<IdentityRef>;
}

/**
 * Opens a person's app on real parts (a new vault, or their existing one in `existingDir`), pointed at the sandbox and
 * signed in with their token's authentication certificate, after a first sync. One app per process at a time: the
 * PKCS#11 library is loaded once per process (two people are two computers).
 */
export async function openSignedInApp(options: {
  sandbox: SandboxHandle;
  slotId: string;
  pin: string;
  passphrase: string;
  existingDir?: string;
  log?: Logger;
  /** The PKCS#11 library to load; SoftHSM2's by default (a spy in front of it to count calls). */
  module?: string;
  /** The host main runs in (file dialogs, questions); createTestHost()'s by default. */
  host?: HostInfo;
  /** Where main writes its log files; none by default. */
  logsDir?: string;
  /** The machine policy main runs under; none by default. */
  policy?: MachinePolicy;
}): Promise<SignedInApp> {
  const dir = options.existingDir ?? (await mkdtemp(path.join(os.tmpdir(), 'guichet-submit-')));
  const main = await createMainContext({
    // Not the machine's middleware (the reader tests' virtual cards may be in its readers meanwhile).
    knownModules: [],
    userDataDir: dir,
    log: options.log ?? createMemoryLogger(),
    trustedOrigins: [ORIGIN],
    formsDir: path.resolve('resources/forms'),
    extraPkcs11Modules: [options.module ?? SOFTHSM_MODULE!],
    host: options.host ?? createTestHost(),
    ...(options.logsDir ? { logsDir: options.logsDir } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    authority: { syncIntervalMs: 3_600_000, client: { timeoutMs: 10_000, baseDelayMs: 20, maxDelayMs: 100 }, outbox: { baseDelayMs: 50, maxDelayMs: 200 } },
  });
  const call = (name: string, input?: unknown) => main.router.dispatch(name, input, { url: ORIGIN });
  const value = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.name} ${result.error.message} ${JSON.stringify(result.error.details)}`);
    return result.value as T;
  };
  const identity = async (role: 'authentication' | 'signature'): Promise<IdentityRef> => {
    const view = await value<TokensView>('tokens.list');
    const slot = view.slots.find((s) => s.slotId === options.slotId && s.token)!;
    const certificate = slot.token!.certificates.find((c) => c.role === role)!;
    return { kind: 'token', moduleId: slot.moduleId, slotId: slot.slotId, certificateId: certificate.id };
  };
  if (options.existingDir) await value('vault.unlock', { passphrase: options.passphrase });
  else {
    await value('settings.set', { authorityUrl: options.sandbox.apiUrl });
    await value('vault.create', { passphrase: options.passphrase });
  }
  await value('session.signIn', { identity: await identity('authentication'), pin: options.pin });
  await value('sync.now');
  await value('catalogue.list');
  return { main, dir, call, value, identity };
}

/** A complete change of address for Anne Schmit (the sandbox's first person), moving today. */
export function anneMoves(number = '3'): Record<string, unknown> {
  return {
    matricule: '1984031512389',
    firstName: 'Anne',
    lastName: 'Schmit',
    currentAddress: { country: 'LU', street: 'Rue de la Gare', number: '12', postalCode: '1611', locality: 'Luxembourg' },
    email: 'anne.schmit@example.lu',
    moveType: 'domestic',
    moveDate: new Date().toISOString().slice(0, 10),
    newAddress: { country: 'LU', street: 'Avenue de la Liberté', number, postalCode: '1930', locality: 'Luxembourg' },
    truthful: true,
  };
}

/** drafts.save of a change of address, left at the review. */
export function saveMoveDraft(app: SignedInApp, id: string, values: Record<string, unknown>): Promise<CallResult> {
  return app.call('drafts.save', { id, spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'Change of address', values, attachmentRefs: [], resumeAt: '@review' });
}

/** What a journey test opened, closed in order (each part may be missing when its start failed): app, sandbox, tokens. */
export async function closeJourneyParts(parts: { app?: SignedInApp | null; sandbox?: SandboxHandle | null; hsm?: SoftHsm | null }): Promise<void> {
  await parts.app?.main.dispose();
  await parts.sandbox?.close();
  parts.hsm?.cleanup();
  if (parts.app?.dir) await rm(parts.app.dir, { recursive: true, force: true });
}

/** Anne's token in a new SoftHSM2, a sandbox of its own, and her app signed in to it with a new vault. */
export async function openAnneOnSandbox(pin: string, passphrase = 'correct horse battery staple'): Promise<{ hsm: SoftHsm; sandbox: SandboxHandle; app: SignedInApp }> {
  const hsm = createSoftHsm();
  const slotId = hsm.addPersonToken(await testPki(), 'anne-schmit', 'Anne Schmit', pin).slotId;
  const sandbox = await start();
  return { hsm, sandbox, app: await openSignedInApp({ sandbox, slotId, pin, passphrase }) };
}
