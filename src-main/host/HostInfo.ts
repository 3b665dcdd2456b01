import type { PageDialogBroker } from './PageDialogBroker';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What main knows of the process hosting it: the Electron glue and the dev host each provide one. */
export interface HostInfo {
  kind: 'electron' | 'devhost';
  name: string;
  version: string;
  platform: string;
  versions: Record<string, string>;
  systemLocales(): string[];
  /**
   * The system's open-file dialog, run by main; the path it returns never goes to the renderer (it gets a handle).
   * null where the host has none.
   */
  pickFile: ((options: { title: string; filters: FileFilter[] }) => Promise<string | null>) | null;
  /**
   * The system's save-file dialog (it asks before replacing an existing file); null where the host has none.
   * `defaultPath`: a file name, or a full path to open the dialog in its folder.
   */
  pickSaveFile: ((options: { title: string; defaultPath: string; filters: FileFilter[] }) => Promise<string | null>) | null;
  /**
   * A question main asks the person itself (a native message box), so that a compromised renderer cannot answer it
   * on their behalf in the desktop app: true when they confirmed.
   */
  confirm(options: { title: string; message: string; detail: string; confirmLabel: string; cancelLabel: string }): Promise<boolean>;
  /** Opens an https URL in the system browser (already checked against the allow-list). */
  openExternal(url: string): Promise<void>;
  /** Where the host has no native dialogs (the dev host), they are shown by the page: main asks, the page answers. */
  pageDialogs?: PageDialogBroker;
}
