/** A PKCS#11 library the service tries to load. */
export interface ModuleEntry {
  /** Stable id derived from the path (see moduleIdFor). */
  id: string;
  name: string;
  path: string;
  source: 'known' | 'settings' | 'extra';
}
