import type { UpdateState } from '../../src-shared/contract/updatesContract';
import type { SettingKey, Settings } from '../../src-shared/settings/settingsSchema';
import type { Logger } from '../log/Logger';
import type { Clock } from '../vault/Clock';
import { UpdateNotAvailableError } from './UpdateNotAvailableError';
import { UpdatesOffError } from './UpdatesOffError';
import { UpdateFailure, type UpdateFeed, type UpdaterPort } from './UpdaterPort';

/** Between two checks while updates are on. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateSettings {
  get<K extends SettingKey>(key: K): Settings[K];
  isLocked(key: SettingKey): boolean;
}

export interface UpdateServiceOptions {
  settings: UpdateSettings;
  /** Makes the updater, at the first moment updates are on; while they are off it is never called. */
  createUpdater: () => UpdaterPort;
  clock: Clock;
  intervalMs?: number;
  log: Logger;
  onChange: (state: UpdateState) => void;
}

/**
 * Looks for updates at start and every few hours while `updatesEnabled` is on, and downloads or installs only when
 * the person says so. While updates are off (policy or the person) there is no updater, no timer and no request; the
 * service follows the settings as they change (settingsChanged).
 */
export class UpdateService {
  private current: UpdateState = { status: 'idle' };
  private port: UpdaterPort | null = null;
  private timer: unknown = null;
  private checking: Promise<UpdateState> | null = null;
  private checkingGeneration = -1;
  /** Every check and download still running, the dropped ones included: dispose waits for them all. */
  private readonly running = new Set<Promise<unknown>>();
  private downloadAbort: AbortController | null = null;
  /** The feed the state belongs to; a change of address or channel starts over. */
  private feedKey: string | null = null;
  /** Bumped whenever what is under way no longer counts (turned off, another feed, disposed): late results are dropped. */
  private generation = 0;
  private started = false;

  constructor(private readonly options: UpdateServiceOptions) {}

  state(): UpdateState {
    return this.current;
  }

  /** The check at start (when updates are on), then one every interval. */
  start(): void {
    this.started = true;
    this.follow();
  }

  /** Settings changed (`settings.changed`): turned off stops everything; turned on or another feed checks again. */
  settingsChanged(): void {
    if (this.started) this.follow();
  }

  /** "Check now". Refused while updates are off: nothing is asked then. */
  async check(): Promise<UpdateState> {
    if (this.current.status === 'off') throw new UpdatesOffError('Updates are off.', { reason: this.current.reason });
    return this.runCheck();
  }

  /** The person's consent to download the update found: starts it and answers at once; progress follows as changes. */
  startDownload(): UpdateState {
    const state = this.current;
    if (state.status === 'downloading') return state;
    const version = state.status === 'available' ? state.version : state.status === 'error' && state.during === 'download' ? state.version : undefined;
    if (version === undefined) throw new UpdateNotAvailableError('There is no update to download.', { status: state.status });
    const generation = this.generation;
    const abort = new AbortController();
    this.downloadAbort = abort;
    this.set({ status: 'downloading', version, percent: 0 });
    // After a failed download the feed is asked again first: it may have been mended (or moved on) since.
    const retry = state.status === 'error';
    const downloading = this.download(version, retry, generation, abort.signal)
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        const kind = error instanceof UpdateFailure ? error.kind : 'unknown';
        this.options.log.warn('updates.downloadFailed', { kind, message: causeMessage(error) });
        this.set({ status: 'error', kind, during: 'download', version });
      })
      .finally(() => {
        if (this.downloadAbort === abort) this.downloadAbort = null;
      });
    this.track(downloading);
    return this.current;
  }

  /** The person's consent to install the downloaded update: restart now, or at the next quit. */
  install(when: 'now' | 'onQuit'): UpdateState {
    const state = this.current;
    if (state.status !== 'ready') throw new UpdateNotAvailableError('No update is ready to install.', { status: state.status });
    if (when === 'now') {
      this.options.log.info('updates.installNow', { version: state.version });
      this.updater().installNow();
      return this.current;
    }
    this.updater().installOnQuit();
    this.set({ ...state, installOnQuit: true });
    return this.current;
  }

  /** Whatever check or download is under way has finished (tests, dispose). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<unknown>): void {
    this.running.add(work);
    const done = () => void this.running.delete(work);
    work.then(done, done);
  }

  dispose(): void {
    this.started = false;
    this.generation += 1;
    this.stopTimer();
    this.downloadAbort?.abort();
  }

  private async download(found: string, recheck: boolean, generation: number, signal: AbortSignal): Promise<void> {
    let version = found;
    if (recheck) {
      const outcome = await this.updater().check(this.feed());
      if (generation !== this.generation) return;
      if (!outcome.available) {
        this.set({ status: 'upToDate', checkedAt: this.options.clock.now() });
        return;
      }
      version = outcome.version;
    }
    let shown = 0;
    await this.updater().download((percent) => {
      // One change per whole percent: a large file must not flood the renderer with events.
      if (generation !== this.generation || Math.floor(percent) <= shown) return;
      shown = Math.floor(percent);
      this.set({ status: 'downloading', version, percent: shown });
    }, signal);
    if (generation === this.generation) this.set({ status: 'ready', version, installOnQuit: false });
  }

  private follow(): void {
    const off = this.offReason();
    if (off) {
      this.generation += 1;
      this.stopTimer();
      this.downloadAbort?.abort();
      this.feedKey = null;
      this.set({ status: 'off', reason: off });
      return;
    }
    const feed = this.feed();
    const key = JSON.stringify(feed);
    if (key === this.feedKey) return;
    this.feedKey = key;
    this.generation += 1;
    this.stopTimer();
    this.downloadAbort?.abort();
    if (!this.canCheck(feed)) {
      this.set({ status: 'off', reason: 'unsupported' });
      return;
    }
    this.set({ status: 'idle' });
    void this.runCheck();
  }

  private runCheck(): Promise<UpdateState> {
    // A check of an earlier generation (before updates were turned off and on again) no longer counts: start anew.
    if (this.checking && this.checkingGeneration === this.generation) return this.checking;
    const state = this.current;
    // A download under way or done is the person's: a periodic check does not replace it.
    if (state.status === 'downloading' || state.status === 'ready') {
      this.scheduleNext();
      return Promise.resolve(state);
    }
    const generation = this.generation;
    this.checkingGeneration = generation;
    this.set({ status: 'checking' });
    const checking: Promise<UpdateState> = this.updater()
      .check(this.feed())
      .then(
        (outcome) => {
          if (generation !== this.generation) return;
          this.set(outcome.available ? { status: 'available', version: outcome.version } : { status: 'upToDate', checkedAt: this.options.clock.now() });
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          const kind = error instanceof UpdateFailure ? error.kind : 'unknown';
          this.options.log.warn('updates.checkFailed', { kind, message: causeMessage(error) });
          this.set({ status: 'error', kind, during: 'check' });
        },
      )
      .then(() => {
        if (this.checking === checking) this.checking = null;
        if (generation === this.generation) this.scheduleNext();
        return this.current;
      });
    this.checking = checking;
    this.track(checking);
    return checking;
  }

  private scheduleNext(): void {
    this.stopTimer();
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      void this.runCheck();
    }, this.options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
  }

  private stopTimer(): void {
    if (this.timer === null) return;
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private offReason(): 'policy' | 'setting' | null {
    const { settings } = this.options;
    if (settings.get('updatesEnabled')) return null;
    return settings.isLocked('updatesEnabled') ? 'policy' : 'setting';
  }

  private feed(): UpdateFeed {
    return { url: this.options.settings.get('updateUrl'), channel: this.options.settings.get('updateChannel') };
  }

  /** Whether this build can look for updates there; an updater that cannot be made (no valid version) cannot. */
  private canCheck(feed: UpdateFeed): boolean {
    try {
      return this.updater().canCheck(feed);
    } catch (error) {
      this.options.log.warn('updates.unavailable', { message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  /** Made on first use, only ever while updates are on. */
  private updater(): UpdaterPort {
    this.port ??= this.options.createUpdater();
    return this.port;
  }

  private set(state: UpdateState): void {
    if (JSON.stringify(state) === JSON.stringify(this.current)) return;
    this.current = state;
    this.options.onChange(state);
  }
}

/** The technical cause, for the log only (no personal data in an update feed's errors). */
function causeMessage(error: unknown): string {
  const cause = error instanceof UpdateFailure ? error.cause : error;
  return String((cause as Error | undefined)?.message ?? cause).slice(0, 300);
}
