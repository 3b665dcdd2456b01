/** What main knows of the process hosting it: the Electron glue and the dev host each provide one. */
export interface HostInfo {
  kind: 'electron' | 'devhost';
  name: string;
  version: string;
  platform: string;
  versions: Record<string, string>;
  systemLocales(): string[];
  /** The system's open-file dialog; null where the host has none (the dev host). */
  pickFile: ((options: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>) | null;
  /**
   * The system's save-file dialog (it asks before replacing an existing file); null where the host has none (the dev
   * host). `defaultPath`: a file name, or a full path to open the dialog in its folder.
   */
  pickSaveFile:
    | ((options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>)
    | null;
  /** Opens an https URL in the system browser (already checked against the allow-list). */
  openExternal(url: string): Promise<void>;
}
