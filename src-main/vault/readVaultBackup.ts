import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { BackupInvalidError } from '../../src-shared/vault/errors';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  BACKUP_PREFIX_LENGTH,
  BACKUP_TRAILER_LENGTH,
  MAX_BACKUP_HEADER_LENGTH,
  backupHeaderSchema,
  type BackupHeader,
} from './backupFormat';

function invalid(reason: string, message: string): BackupInvalidError {
  return new BackupInvalidError(message, { reason });
}

/**
 * Checks a backup container completely (magic, version, header, sizes, whole-file and database checksums) and copies
 * the encrypted database out to `databaseOut`. Throws BackupInvalidError on the first problem.
 */
export async function readVaultBackup(file: string, databaseOut: string): Promise<BackupHeader> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw invalid('unreadable', 'The backup file cannot be read.');
  }
  if (size < BACKUP_PREFIX_LENGTH + BACKUP_TRAILER_LENGTH) throw invalid('truncated', 'The backup file is too short.');
  const handle = await open(file, 'r');
  let header: BackupHeader;
  let headerLength: number;
  try {
    const prefix = Buffer.alloc(BACKUP_PREFIX_LENGTH);
    await handle.read(prefix, 0, prefix.length, 0);
    if (!prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) throw invalid('notABackup', 'This file is not a vault backup.');
    const version = prefix.readUInt32BE(BACKUP_MAGIC.length);
    if (version !== BACKUP_FORMAT_VERSION) throw invalid('unsupportedVersion', `Unsupported backup format version ${version}.`);
    headerLength = prefix.readUInt32BE(BACKUP_MAGIC.length + 4);
    if (headerLength < 2 || headerLength > MAX_BACKUP_HEADER_LENGTH || BACKUP_PREFIX_LENGTH + headerLength + BACKUP_TRAILER_LENGTH > size) {
      throw invalid('badHeader', 'The backup header is damaged.');
    }
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, BACKUP_PREFIX_LENGTH);
    let json: unknown;
    try {
      json = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw invalid('badHeader', 'The backup header is damaged.');
    }
    const parsed = backupHeaderSchema.safeParse(json);
    if (!parsed.success) throw invalid('badHeader', 'The backup header is damaged.');
    header = parsed.data;
  } finally {
    await handle.close();
  }
  const databaseStart = BACKUP_PREFIX_LENGTH + headerLength;
  if (databaseStart + header.databaseSize + BACKUP_TRAILER_LENGTH !== size) throw invalid('truncated', 'The backup file is truncated or has extra bytes.');

  const whole = createHash('sha256');
  for await (const chunk of createReadStream(file, { start: 0, end: size - BACKUP_TRAILER_LENGTH - 1 })) whole.update(chunk as Buffer);
  const trailer = Buffer.alloc(BACKUP_TRAILER_LENGTH);
  const trailerHandle = await open(file, 'r');
  try {
    await trailerHandle.read(trailer, 0, BACKUP_TRAILER_LENGTH, size - BACKUP_TRAILER_LENGTH);
  } finally {
    await trailerHandle.close();
  }
  if (!whole.digest().equals(trailer)) throw invalid('checksum', 'The backup file is damaged (checksum mismatch).');

  const databaseHash = createHash('sha256');
  const out = await open(databaseOut, 'wx', 0o600);
  try {
    for await (const chunk of createReadStream(file, { start: databaseStart, end: databaseStart + header.databaseSize - 1 })) {
      databaseHash.update(chunk as Buffer);
      await out.write(chunk as Buffer);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  if (databaseHash.digest('hex') !== header.databaseSha256) {
    await writeFile(databaseOut, '');
    throw invalid('checksum', 'The backup file is damaged (database checksum mismatch).');
  }
  return header;
}
