import { spawn, execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { acquireMachineLock, isAlive } from './acquireMachineLock';
import { requireReaderStackPackages } from './readerStackPackages';

const run = promisify(execFile);

/** vpcd's first port (0x8C7B); the driver makes two readers, on this port and the next. */
export const VPCD_PORT = 0x8c7b;
export const VIRTUAL_READER_NAMES = ['Virtual PCD 00 00', 'Virtual PCD 00 01'] as const;

export interface ReaderStack {
  /** vpcd's ports for the two virtual readers: give one to startVirtualCard. */
  readers: [number, number];
  /** The address cards connect to vpcd on (see useQuickAckAddress); pass it as startVirtualCard's `host`. */
  cardHost: string;
  readerNames: readonly [string, string];
  openscModule: string;
  /** An opensc.conf that lets C_SetPIN unblock with the PUK; set OPENSC_CONF to it before C_Initialize. */
  openscConf: string;
  dir: string;
  pcscdPid: number;
  /** pcscd's own output (stdout and stderr), for when a test wants to know why. */
  pcscdLog: string;
  /** Milliseconds from the call to both readers listed. */
  startedInMs: number;
  stop(): Promise<void>;
}

export interface ReaderStackOptions {
  /** A folder for pcscd's reader configuration, the opensc.conf and the log. */
  dir: string;
  /** How long to wait for another user of the stack (another test file, a dev host) to stop. */
  lockTimeoutMs?: number;
  /** pcscd -a -d: every APDU in the log. */
  logApdus?: boolean;
}

const LOCK_NAME = 'guichet-reader-stack';
/** A loopback address of the cards' own (all of 127/8 is loopback on Linux), so its route options touch nothing else. */
const CARD_ADDRESS = '127.77.0.1';

/**
 * vpcd writes each APDU as two writes (length, then payload) on a socket with Nagle on, so the payload waits for
 * the card's ACK of the length, which Linux delays by 40 ms: 44 ms an APDU, ~1.8 s to list one token. A route with
 * `quickack 1` for an address of the cards' own makes the card's kernel ACK at once (0.5 ms an APDU); TCP_NODELAY
 * on the card's socket does not help, the delay is vpcd's. Needs root (as pcscd does); without it, 127.0.0.1.
 */
async function useQuickAckAddress(): Promise<{ host: string; remove(): Promise<void> }> {
  const route = ['route', 'replace', 'local', CARD_ADDRESS, 'dev', 'lo', 'table', 'local', 'quickack', '1'];
  try {
    await run('ip', route);
  } catch {
    return { host: '127.0.0.1', remove: async () => undefined };
  }
  return {
    host: CARD_ADDRESS,
    remove: async () => {
      await run('ip', ['route', 'del', 'local', CARD_ADDRESS, 'dev', 'lo', 'table', 'local']).catch(() => undefined);
    },
  };
}

/** Live processes named pcscd. */
function runningPcscds(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'pcscd' && isAlive(Number(entry))) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((settle) => setTimeout(settle, 20));
  }
  return true;
}

/**
 * No live pcscd runs: the files of a dead one go. pcscd itself refuses to start while its pid file names a process
 * that answers kill 0, and a pcscd orphaned in a container whose init reaps nothing stays a zombie that does. A
 * socket without a pid file is systemd's socket activation: that one is not ours to remove.
 */
function clearDeadPcscdFiles(): void {
  const run = '/run/pcscd';
  if (!existsSync(`${run}/pcscd.comm`)) return;
  if (!existsSync(`${run}/pcscd.pid`)) {
    throw new Error(`${run}/pcscd.comm exists but no pcscd runs: systemd's pcscd.socket, probably. Stop it first (systemctl stop pcscd.socket).`);
  }
  rmSync(`${run}/pcscd.pid`, { force: true });
  rmSync(`${run}/pcscd.comm`, { force: true });
}

/** A pcscd a dead user of this helper left running (its PID is in the stale lock's notes). */
async function killLeftover(pid: number): Promise<void> {
  if (!isAlive(pid) || !runningPcscds().includes(pid)) return;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 3000);
}

/**
 * pcscd with vsmartcard's vpcd driver: two virtual readers whose cards are TCP clients (tools/virtual-card).
 * There is one pcscd per machine (/run/pcscd), so users are serialised by a machine-wide lock, and a pcscd this
 * helper did not start is an error (a leftover of a dead user of the helper is killed). Needs root, as pcscd does.
 */
export async function startReaderStack(options: ReaderStackOptions): Promise<ReaderStack> {
  const started = Date.now();
  const packages = requireReaderStackPackages();
  const lock = await acquireMachineLock(LOCK_NAME, {
    timeoutMs: options.lockTimeoutMs ?? 120_000,
    onStale: async ({ notes }) => {
      if (notes.pcscd) await killLeftover(Number(notes.pcscd));
    },
  });
  try {
    const others = runningPcscds();
    if (others.length > 0) {
      const commands = others.map((pid) => `${pid}: ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
      throw new Error(
        `A pcscd this helper did not start is running (${commands.join('; ')}). Only one pcscd can run on a machine: stop it first (kill ${others.join(' ')}, or systemctl stop pcscd.socket pcscd).`,
      );
    }
    clearDeadPcscdFiles();
    const confDir = path.join(options.dir, 'reader.conf.d');
    mkdirSync(confDir, { recursive: true });
    writeFileSync(
      path.join(confDir, 'vpcd'),
      [`FRIENDLYNAME "Virtual PCD"`, `DEVICENAME   /dev/null:0x${VPCD_PORT.toString(16).toUpperCase()}`, `LIBPATH      ${packages.vpcdDriver}`, `CHANNELID    0x${VPCD_PORT.toString(16).toUpperCase()}`, ''].join('\n'),
    );
    const openscConf = path.join(options.dir, 'opensc.conf');
    // Without this style OpenSC's C_SetPIN in a session not logged in sends CHANGE REFERENCE DATA with the PUK as
    // the old PIN. The option belongs to the pkcs11 block (opensc.conf(5)); under framework pkcs15 it is ignored.
    writeFileSync(openscConf, 'app default {\n  pkcs11 {\n    user_pin_unblock_style = set_pin_in_unlogged_session;\n  }\n}\n');
    const pcscdLog = path.join(options.dir, 'pcscd.log');
    const log = openSync(pcscdLog, 'w');
    const args = ['-f', '-c', confDir, ...(options.logApdus ? ['-a', '-d'] : [])];
    const child = spawn(packages.pcscd, args, { stdio: ['ignore', log, log] });
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${packages.pcscd} did not start`);
    const address = await useQuickAckAddress();
    lock.writeNote('pcscd', String(pid));
    const exited = new Promise<void>((settle) => child.once('exit', () => settle()));
    const kill = () => {
      if (isAlive(pid)) process.kill(pid, 'SIGTERM');
    };
    process.on('exit', kill);

    const stop = async () => {
      process.off('exit', kill);
      kill();
      const gone = await Promise.race([exited.then(() => true), waitForExit(pid, 3000)]);
      if (!gone && isAlive(pid)) process.kill(pid, 'SIGKILL');
      await Promise.race([exited, waitForExit(pid, 2000)]);
      await address.remove();
      lock.release();
    };
    try {
      await waitForReaders(packages.openscTool, openscConf, pid, pcscdLog);
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      readers: [VPCD_PORT, VPCD_PORT + 1],
      cardHost: address.host,
      readerNames: VIRTUAL_READER_NAMES,
      openscModule: packages.openscModule,
      openscConf,
      dir: options.dir,
      pcscdPid: pid,
      pcscdLog,
      startedInMs: Date.now() - started,
      stop,
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Polls `opensc-tool -l` (the client library's own view) until both virtual readers are listed. */
async function waitForReaders(openscTool: string, openscConf: string, pid: number, pcscdLog: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!isAlive(pid)) throw new Error(`pcscd exited at start; its log (${pcscdLog}):\n${readFileSync(pcscdLog, 'utf8')}`);
    const out = await run(openscTool, ['-l'], { env: { ...process.env, OPENSC_CONF: openscConf } }).then(
      (result) => result.stdout,
      () => '',
    );
    if (VIRTUAL_READER_NAMES.every((name) => out.includes(name))) return;
    if (Date.now() > deadline) throw new Error(`pcscd runs but the virtual readers did not appear within 10 s; its log (${pcscdLog}):\n${readFileSync(pcscdLog, 'utf8')}`);
    await new Promise((settle) => setTimeout(settle, 30));
  }
}
