import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HostInfo } from '../../src-main/host/HostInfo';
import type { PageDialogBroker, PageDialogEntry } from '../../src-main/host/PageDialogBroker';

/**
 * The dev host's stand-in for the system's file dialogs: main lists the files of one folder given on the command line
 * (`--files=DIR`), the page shows the list, and main accepts only a name it offered (open) or a plain new name in that
 * folder (save). The renderer never names a path, exactly as with the native dialogs of the desktop app.
 */
export function createFolderDialogs(root: string | null, broker: PageDialogBroker): Pick<HostInfo, 'pickFile' | 'pickSaveFile' | 'confirm'> {
  const listing = async (extensions: readonly string[]): Promise<PageDialogEntry[]> => {
    if (!root) return [];
    const names = await readdir(root).catch(() => [] as string[]);
    const entries: PageDialogEntry[] = [];
    for (const name of names.sort((a, b) => a.localeCompare(b))) {
      if (!extensions.some((ext) => name.toLowerCase().endsWith(`.${ext.toLowerCase()}`))) continue;
      const info = await stat(path.join(root, name)).catch(() => null);
      if (info?.isFile()) entries.push({ name, sizeBytes: info.size });
    }
    return entries;
  };
  const extensionsOf = (filters: { extensions: string[] }[]) => filters.flatMap((filter) => filter.extensions);

  return {
    pickFile: root
      ? async ({ title, filters }) => {
          const entries = await listing(extensionsOf(filters));
          const answer = await broker.ask({ kind: 'open', title, entries });
          const chosen = answer && 'name' in answer ? entries.find((entry) => entry.name === answer.name) : undefined;
          return chosen ? path.join(root, chosen.name) : null;
        }
      : null,
    pickSaveFile: root
      ? async ({ title, defaultPath, filters }) => {
          const entries = await listing(extensionsOf(filters));
          const answer = await broker.ask({ kind: 'save', title, defaultName: path.basename(defaultPath), entries });
          if (!answer || !('name' in answer)) return null;
          // The contract already refused separators and control characters; basename is a second line of defence.
          const name = path.basename(answer.name);
          return name === answer.name && name !== '.' && name !== '..' ? path.join(root, name) : null;
        }
      : null,
    confirm: async (question) => {
      const answer = await broker.ask({ kind: 'confirm', ...question });
      return answer !== null && 'confirmed' in answer;
    },
  };
}
