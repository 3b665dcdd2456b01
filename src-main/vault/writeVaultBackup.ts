import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, type BackupHeader } from './backupFormat';

async function sha256File(file: string): Promise<{ hex: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hex: hash.digest('hex'), size };
}

/**
 * Writes the container around an already encrypted database copy: to a temporary file beside the target, fsynced,
 * then renamed, so the target is either the previous file or a complete backup.
 */
export async function writeVaultBackup(target: string, databaseCopy: string, header: Omit<BackupHeader, 'databaseSize' | 'databaseSha256'>): Promise<number> {
  const database = await sha256File(databaseCopy);
  const fullHeader: BackupHeader = { ...header, databaseSize: database.size, databaseSha256: database.hex };
  const headerBytes = Buffer.from(JSON.stringify(fullHeader), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32BE(BACKUP_FORMAT_VERSION, 0);
  prefix.writeUInt32BE(headerBytes.length, 4);

  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  const handle = await open(temp, 'w', 0o600);
  let written = 0;
  try {
    const write = async (chunk: Buffer) => {
      hash.update(chunk);
      await handle.write(chunk);
      written += chunk.length;
    };
    await write(BACKUP_MAGIC);
    await write(prefix);
    await write(headerBytes);
    for await (const chunk of createReadStream(databaseCopy)) await write(chunk as Buffer);
    const trailer = hash.digest();
    await handle.write(trailer);
    written += trailer.length;
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return written;
}
