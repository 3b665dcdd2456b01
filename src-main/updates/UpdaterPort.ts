import type { UpdateErrorKind } from '../../src-shared/contract/updatesContract';
import type { Settings } from '../../src-shared/settings/settingsSchema';

/** Where updates are looked for: the policy's address (null: the one the build was made with) and the channel. */
export interface UpdateFeed {
  url: string | null;
  channel: Settings['updateChannel'];
}

export type CheckOutcome = { available: false; version: string } | { available: true; version: string };

/** A check or download that failed, said by kind (the renderer translates it); the cause stays in the log. */
export class UpdateFailure extends Error {
  constructor(
    readonly kind: UpdateErrorKind,
    options?: { cause?: unknown },
  ) {
    super(`Update failed: ${kind}`, options);
  }
}

/**
 * What the update service needs of an updater (electron-updater in the desktop app, the same library over Node's
 * HTTP in the dev host and tests). Made only once updates are on: while they are off no updater exists at all.
 * Nothing here downloads or installs on its own; each step is the person's.
 */
export interface UpdaterPort {
  /** Whether this feed can be asked here (a packaged app; an address from the policy or the build). */
  canCheck(feed: UpdateFeed): boolean;
  /** Asks the feed for its latest version (UpdateFailure when it cannot). */
  check(feed: UpdateFeed): Promise<CheckOutcome>;
  /** Downloads the update the last check found and verifies it (sha512 of the feed); percent from 0 to 100. */
  download(onProgress: (percent: number) => void, signal: AbortSignal): Promise<void>;
  /** Quits, installs and starts the new version (UpdateInstallUnavailableError where the host cannot install). */
  installNow(): void;
  /** Installs when the person next quits the app. */
  installOnQuit(): void;
}
