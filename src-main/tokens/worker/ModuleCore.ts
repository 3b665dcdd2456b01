import { createHash } from 'node:crypto';
import type { Pkcs11Binding, Pkcs11BindingFactory } from './Pkcs11Binding';
import type { InitResult, ModuleSnapshot, OpenSessionResult, PollResult, WorkerRequest } from './protocol';
import { ck } from './ck';
import { ckrOf, Pkcs11Failure } from './pkcs11Failure';
import { idToHandle } from './slotHandles';
import { readSnapshot } from './readSnapshot';
import { findObjects, readBoolAttribute, readKeyType } from './objectAttributes';
import { loginUser, tokenFlagsAfter } from './loginUser';
import { takePin } from './pinBytes';
import { signInSession, type SessionRecord } from './signInSession';
import { unblockPin } from './unblockPin';

/**
 * Everything one PKCS#11 module does, synchronously, inside its worker thread (or in-process with a test double).
 * Requests are handled one at a time. Sessions are opened per operation (or per signer) and closed after, so between
 * operations nothing is in use and a module without slot events can be re-initialized on each poll (SoftHSM2 shows
 * new tokens only after C_Finalize/C_Initialize).
 */
export class ModuleCore {
  private p11: Pkcs11Binding | null = null;
  private initialized = false;
  private slotEvents = false;
  /** Modules without (usable) slot events, SoftHSM2 among them, are re-initialized at each poll when idle. */
  private reinitializeOnPoll = true;
  private lastSnapshot: ModuleSnapshot | null = null;
  private readonly slotHandles = new Map<string, Buffer>();
  private readonly sessions = new Map<number, SessionRecord>();
  private nextSession = 1;
  private lastFingerprint: string | null = null;

  constructor(
    private readonly createBinding: Pkcs11BindingFactory,
    private readonly libraryPath: string,
  ) {}

  handle(request: WorkerRequest): unknown {
    try {
      return this.dispatch(request);
    } catch (error) {
      throw this.explain(request, error);
    }
  }

  /**
   * A card pulled out mid-command often fails with a generic code (OpenSC answers CKR_GENERAL_ERROR when the reader
   * loses the card during an APDU): when the slot has no token a moment later, say so.
   */
  private explain(request: WorkerRequest, error: unknown): unknown {
    const code = error instanceof Pkcs11Failure ? error.code : ckrOf(error);
    if (!code || !VAGUE_FAILURES.has(code) || !this.p11 || !this.initialized) return error;
    const slot = 'slotId' in request ? this.slot(request.slotId) : 'session' in request ? this.sessions.get(request.session)?.slot : undefined;
    if (!slot || !tokenGone(this.p11, slot)) return error;
    return new Pkcs11Failure('CKR_DEVICE_REMOVED', `the token is gone (${code})`);
  }

  private dispatch(request: WorkerRequest): unknown {
    switch (request.op) {
      case 'init':
        return this.init();
      case 'poll':
        return this.poll(request.force === true);
      case 'snapshot':
        return this.snapshot(request.reinitialize);
      case 'tokenFlags': {
        const info = this.binding().C_GetTokenInfo(this.slot(request.slotId));
        return { tokenFlags: info.flags, minPinLen: info.minPinLen, maxPinLen: info.maxPinLen };
      }
      case 'changePin':
        return this.changePin(request.slotId, request.oldPin, request.newPin);
      case 'unblockPin':
        return unblockPin(this.binding(), this.slot(request.slotId), takePin(request.puk), takePin(request.newPin));
      case 'openSession':
        return this.openSession(request.slotId, request.keyIdHex, request.pin);
      case 'sessionSign': {
        const record = this.sessions.get(request.session);
        if (!record) throw new Pkcs11Failure('CKR_SESSION_HANDLE_INVALID', 'no such signing session');
        return signInSession(this.binding(), record, request.mechanism, request.input, request.inputIsDigest);
      }
      case 'closeSession':
        this.closeSession(request.session);
        return null;
      case 'close':
        this.close();
        return null;
    }
  }

  private binding(): Pkcs11Binding {
    if (!this.p11 || !this.initialized) throw new Pkcs11Failure('NOT_INITIALIZED', 'the module is not initialized');
    return this.p11;
  }

  private init(): InitResult {
    const p11 = this.createBinding();
    try {
      p11.load(this.libraryPath);
    } catch (error) {
      throw new Pkcs11Failure('LOAD_FAILED', `cannot load the library: ${firstLine(error)}`);
    }
    this.p11 = p11;
    this.initialize();
    const info = p11.C_GetInfo();
    const version = (v: { major: number; minor: number }) => `${v.major}.${v.minor}`;
    // SoftHSM2 answers CKR_NO_EVENT to a non-blocking C_WaitForSlotEvent but never has an event to give, and shows
    // new tokens only after re-initializing: treat it as a polling module whatever the probe says.
    this.slotEvents = this.probeSlotEvents() && !/softhsm/i.test(info.manufacturerID);
    this.reinitializeOnPoll = !this.slotEvents;
    const snapshot = this.remember(readSnapshot(p11, this.slotHandles, null));
    return {
      library: {
        manufacturer: info.manufacturerID.trim(),
        description: info.libraryDescription.trim(),
        cryptokiVersion: version(info.cryptokiVersion),
        libraryVersion: version(info.libraryVersion),
      },
      slotEvents: this.slotEvents,
      snapshot,
    };
  }

  private initialize(): void {
    const p11 = this.p11!;
    try {
      p11.C_Initialize({ flags: ck.CKF_OS_LOCKING_OK });
    } catch (error) {
      const code = ckrOf(error);
      if (code === 'CKR_CANT_LOCK') {
        try {
          p11.C_Initialize();
        } catch (second) {
          throw new Pkcs11Failure('INIT_FAILED', `C_Initialize: ${ckrOf(second) ?? firstLine(second)}`);
        }
      } else if (code !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
        throw new Pkcs11Failure('INIT_FAILED', `C_Initialize: ${code ?? firstLine(error)}`);
      }
    }
    this.initialized = true;
  }

  /** C_WaitForSlotEvent(CKF_DONT_BLOCK): supported if it answers an event or CKR_NO_EVENT (null). */
  private probeSlotEvents(): boolean {
    try {
      for (let i = 0; i < 64 && this.p11!.C_WaitForSlotEvent(ck.CKF_DONT_BLOCK) !== null; i++);
      return true;
    } catch {
      return false;
    }
  }

  private reinitialize(): void {
    if (this.sessions.size > 0) return;
    try {
      this.p11!.C_Finalize();
    } catch {
      // not initialized: fine
    }
    this.initialized = false;
    this.initialize();
  }

  /** One watcher tick: a snapshot when anything changed since the last one sent, else null. */
  private poll(force: boolean): PollResult {
    if (!this.p11) throw new Pkcs11Failure('NOT_INITIALIZED', 'the module is not loaded');
    let reuse: ModuleSnapshot | null = null;
    if (this.reinitializeOnPoll || !this.initialized) {
      this.reinitialize();
    } else {
      let events = 0;
      try {
        for (; events < 64 && this.p11.C_WaitForSlotEvent(ck.CKF_DONT_BLOCK) !== null; events++);
      } catch {
        events = 1;
      }
      // Without an event, tokens still in their slot keep the objects read before (a card is slow to read).
      if (events === 0 && !force) reuse = this.lastSnapshot;
    }
    const before = this.lastFingerprint;
    const snapshot = this.remember(readSnapshot(this.binding(), this.slotHandles, reuse));
    return { snapshot: this.lastFingerprint === before ? null : snapshot };
  }

  private remember(snapshot: ModuleSnapshot): ModuleSnapshot {
    this.lastSnapshot = snapshot;
    this.lastFingerprint = fingerprint(snapshot);
    return snapshot;
  }

  private snapshot(reinitialize: boolean): ModuleSnapshot {
    if (!this.p11) throw new Pkcs11Failure('NOT_INITIALIZED', 'the module is not loaded');
    if (reinitialize && this.reinitializeOnPoll) this.reinitialize();
    return this.remember(readSnapshot(this.binding(), this.slotHandles, null));
  }

  private slot(slotId: string): Buffer {
    const known = this.slotHandles.get(slotId);
    if (known) return known;
    const size = this.slotHandles.values().next().value?.length ?? (process.platform === 'win32' ? 4 : 8);
    return idToHandle(slotId, size);
  }

  private changePin(slotId: string, oldPin: Uint8Array | null, newPin: Uint8Array | null): null {
    const p11 = this.binding();
    const slot = this.slot(slotId);
    const oldText = takePin(oldPin);
    const newText = takePin(newPin);
    const session = p11.C_OpenSession(slot, ck.CKF_SERIAL_SESSION | ck.CKF_RW_SESSION);
    try {
      // Logged in first: OpenSC configured to unblock with the PUK (user_pin_unblock_style =
      // set_pin_in_unlogged_session, see resources/opensc) takes a C_SetPIN in an unlogged session for an unblock,
      // the old PIN for the PUK. A wrong current PIN fails here, with the token's PIN state.
      if (oldText !== '') loginUser(p11, slot, session, ck.CKU_USER, oldText);
      p11.C_SetPIN(session, oldText, newText);
    } catch (error) {
      const code = ckrOf(error);
      if (oldText === '' && code === 'CKR_ARGUMENTS_BAD') {
        throw new Pkcs11Failure('PIN_PAD_UNSUPPORTED', 'the module refused a PIN change without PINs (pkcs11js cannot pass NULL_PTR)');
      }
      if (code) throw new Pkcs11Failure(code, `C_SetPIN: ${code}`, tokenFlagsAfter(p11, slot));
      throw error;
    } finally {
      if (oldText !== '') logoutQuietly(p11, session);
      closeQuietly(p11, session);
    }
    return null;
  }

  private openSession(slotId: string, keyIdHex: string, pin: Uint8Array | null): OpenSessionResult {
    const p11 = this.binding();
    const slot = this.slot(slotId);
    const pinText = takePin(pin);
    const info = p11.C_GetTokenInfo(slot);
    if (info.flags & ck.CKF_USER_PIN_LOCKED) {
      throw new Pkcs11Failure('CKR_PIN_LOCKED', 'the token says its PIN is locked', tokenFlagsAfter(p11, slot));
    }
    if (pinText === '' && !(info.flags & ck.CKF_PROTECTED_AUTHENTICATION_PATH)) {
      throw new Pkcs11Failure('PIN_REQUIRED', 'this token needs a PIN');
    }
    const session = p11.C_OpenSession(slot, ck.CKF_SERIAL_SESSION);
    try {
      if (info.flags & ck.CKF_LOGIN_REQUIRED) loginUser(p11, slot, session, ck.CKU_USER, pinText);
      const [key] = findObjects(p11, session, [
        { type: ck.CKA_CLASS, value: ck.CKO_PRIVATE_KEY },
        { type: ck.CKA_ID, value: Buffer.from(keyIdHex, 'hex') },
      ]);
      if (!key) throw new Pkcs11Failure('KEY_NOT_FOUND', `no private key with CKA_ID ${keyIdHex}`);
      const alwaysAuthenticate = readBoolAttribute(p11, session, key, ck.CKA_ALWAYS_AUTHENTICATE) === true;
      const record: SessionRecord = {
        slot,
        session,
        key,
        keyType: readKeyType(p11, session, key),
        alwaysAuthenticate,
        pin: alwaysAuthenticate && pinText !== '' ? Buffer.from(pinText, 'utf8') : null,
      };
      const id = this.nextSession++;
      this.sessions.set(id, record);
      return { session: id, keyType: record.keyType, alwaysAuthenticate };
    } catch (error) {
      try {
        p11.C_Logout(session);
      } catch {
        // not logged in
      }
      closeQuietly(p11, session);
      throw error;
    }
  }

  private closeSession(id: number): void {
    const record = this.sessions.get(id);
    if (!record) return;
    this.sessions.delete(id);
    record.pin?.fill(0);
    if (!this.p11 || !this.initialized) return;
    try {
      this.p11.C_Logout(record.session);
    } catch {
      // already gone
    }
    closeQuietly(this.p11, record.session);
  }

  private close(): void {
    for (const id of [...this.sessions.keys()]) this.closeSession(id);
    if (this.p11 && this.initialized) {
      try {
        this.p11.C_Finalize();
      } catch {
        // ignore
      }
    }
    this.initialized = false;
    try {
      this.p11?.close();
    } catch {
      // ignore
    }
    this.p11 = null;
  }
}

/** Failures that may mean the card left during the call (a definite CKR_DEVICE_REMOVED needs no check). */
const VAGUE_FAILURES = new Set(['CKR_GENERAL_ERROR', 'CKR_DEVICE_ERROR', 'CKR_FUNCTION_FAILED', 'CKR_SESSION_HANDLE_INVALID', 'CKR_SESSION_CLOSED', 'CKR_TOKEN_NOT_RECOGNIZED']);
const REMOVAL_SETTLE_MS = 600;

/**
 * Whether the slot has no token, asked for up to REMOVAL_SETTLE_MS: the reader driver may need a moment to report
 * a card it lost mid-command. This thread serves one request at a time, so waiting here blocks nothing else.
 */
function tokenGone(p11: Pkcs11Binding, slot: Buffer): boolean {
  const deadline = Date.now() + REMOVAL_SETTLE_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      if (!(p11.C_GetSlotInfo(slot).flags & ck.CKF_TOKEN_PRESENT)) return true;
    } catch {
      return true; // the slot itself is gone (a reader unplugged)
    }
    if (Date.now() >= deadline) return false;
    Atomics.wait(pause, 0, 0, 50);
  }
}

function logoutQuietly(p11: Pkcs11Binding, session: Buffer): void {
  try {
    p11.C_Logout(session);
  } catch {
    // not logged in, or the token is gone
  }
}

function closeQuietly(p11: Pkcs11Binding, session: Buffer): void {
  try {
    p11.C_CloseSession(session);
  } catch {
    // the token may be gone
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

/** What the watcher compares: everything in the snapshot, with certificates by their hash. */
function fingerprint(snapshot: ModuleSnapshot): string {
  return JSON.stringify(snapshot, (key, value: unknown) =>
    key === 'der' && value instanceof Uint8Array ? createHash('sha256').update(value).digest('hex') : value,
  );
}
