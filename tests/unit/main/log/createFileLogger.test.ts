import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, type FileLogger } from '../../../../src-main/log/createFileLogger';
import { readRecentLogLines } from '../../../../src-main/log/readRecentLogLines';
import { sortLogFiles } from '../../../../src-main/log/logFiles';

let dir: string;
let logger: FileLogger | null;

beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'guichet-log-')), 'logs');
  logger = null;
});
afterEach(async () => {
  await logger?.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

async function linesIn(folder: string): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  for (const name of sortLogFiles(await readdir(folder))) {
    const text = await readFile(path.join(folder, name), 'utf8');
    lines.push(...text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
  }
  return lines;
}

describe('createFileLogger', () => {
  it('writes JSON lines with time, level and event into a private folder, secrets redacted', async () => {
    logger = await createFileLogger({ dir, level: 'info' });
    logger.info('vault.unlocked', { profile: 'p1', passphrase: 'correct horse', nested: { pin: '123456' } });
    await logger.flush();
    const [line] = await linesIn(dir);
    expect(line).toMatchObject({ level: 'info', event: 'vault.unlocked', profile: 'p1', passphrase: '[redacted]', nested: { pin: '[redacted]' } });
    expect(typeof line?.time).toBe('string');
    expect(line).not.toHaveProperty('hostname');
    expect(line).not.toHaveProperty('pid');
    if (process.platform !== 'win32') {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      const [file] = sortLogFiles(await readdir(dir));
      expect((await stat(path.join(dir, file!))).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps lines at or above its level, and follows a level change at run time', async () => {
    logger = await createFileLogger({ dir, level: 'warn' });
    logger.debug('a.debug');
    logger.info('a.info');
    logger.warn('a.warn');
    logger.error('a.error');
    logger.setLevel('debug');
    expect(logger.level()).toBe('debug');
    logger.debug('b.debug');
    logger.info('b.info');
    logger.setLevel('error');
    logger.warn('c.warn');
    logger.error('c.error');
    await logger.flush();
    expect((await linesIn(dir)).map((line) => `${String(line.event)}:${String(line.level)}`)).toEqual([
      'a.warn:warn',
      'a.error:error',
      'b.debug:debug',
      'b.info:info',
      'c.error:error',
    ]);
  });

  it('rotates past the size and keeps at most maxFiles files, the newest lines kept', async () => {
    logger = await createFileLogger({ dir, level: 'info', maxFileSize: '2k', maxFiles: 3 });
    const padding = 'x'.repeat(200);
    for (let i = 0; i < 120; i++) {
      logger.info('bulk.line', { i, padding });
      // Each line on disk before the next: pino-roll looks at the size after each write.
      await logger.flush();
    }
    await logger.close();
    logger = null;
    const names = sortLogFiles(await readdir(dir));
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.length).toBeLessThanOrEqual(3);
    for (const name of names.slice(0, -1)) expect((await stat(path.join(dir, name))).size).toBeLessThan(2048 + 512);
    const kept = (await linesIn(dir)).map((line) => line.i);
    expect(kept.at(-1)).toBe(119);
    expect(kept.length).toBeLessThan(120);
    // What is kept is the newest run of lines, in order.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, k) => 120 - kept.length + k));
  });

  it('continues the numbering of an earlier run and still keeps the bound', async () => {
    logger = await createFileLogger({ dir, level: 'info', maxFileSize: '1k', maxFiles: 2 });
    for (let i = 0; i < 30; i++) {
      logger.info('first.run', { i, padding: 'y'.repeat(100) });
      await logger.flush();
    }
    await logger.close();
    const before = sortLogFiles(await readdir(dir));
    logger = await createFileLogger({ dir, level: 'info', maxFileSize: '1k', maxFiles: 2 });
    for (let i = 0; i < 30; i++) {
      logger.info('second.run', { i, padding: 'z'.repeat(100) });
      await logger.flush();
    }
    await logger.close();
    logger = null;
    const after = sortLogFiles(await readdir(dir));
    expect(after.length).toBeLessThanOrEqual(2);
    expect(after.at(-1)).not.toBe(before.at(-1));
    expect((await linesIn(dir)).at(-1)).toMatchObject({ event: 'second.run', i: 29 });
  });

  it('reads back the recent lines across files, oldest first', async () => {
    logger = await createFileLogger({ dir, level: "info", maxFileSize: "1k", maxFiles: 10 });
    for (let i = 0; i < 40; i++) {
      logger.info('recent.line', { i, padding: 'r'.repeat(60) });
      await logger.flush();
    }
    const recent = (await readRecentLogLines(dir, 25)).map((line) => (JSON.parse(line) as { i: number }).i);
    expect(recent).toEqual(Array.from({ length: 25 }, (_, k) => 15 + k));
    expect(await readRecentLogLines(path.join(dir, 'none'), 10)).toEqual([]);
  });
});
