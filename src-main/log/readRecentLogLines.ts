import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sortLogFiles } from './logFiles';

/** The last `count` lines of the log files in `dir` (across a rotation), oldest first; none when there is no folder. */
export async function readRecentLogLines(dir: string, count: number): Promise<string[]> {
  let names: string[];
  try {
    names = sortLogFiles(await readdir(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: string[] = [];
  for (const name of names.reverse()) {
    const text = await readFile(path.join(dir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
      // Rotation may have removed the oldest file since the folder was read.
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const fileLines = text.split('\n').filter((line) => line.length > 0);
    lines.unshift(...fileLines.slice(Math.max(0, fileLines.length - (count - lines.length))));
    if (lines.length >= count) break;
  }
  return lines;
}
