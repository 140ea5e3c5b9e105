import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';

/**
 * One running app per data folder. Electron's single-instance lock only stops a second
 * desktop window of the same user; this one also stops web mode, the CLI and a second
 * desktop build (dev and installed) from opening one database together. The file holds the
 * owner's pid and its process start time, so a lock left by a crash, or whose pid was
 * reused by an unrelated program, is recognised as stale.
 */
export const LOCK_FILE = 'qianzhao.lock';

export interface LockOwner {
  pid: number;
  /** When the owning process started (ms since epoch), for messages and the same-pid check where the OS gives no tick count. */
  processStartedAt: number;
  /** The kernel's start time of the owner (Linux clock ticks after boot): a live pid with other ticks is a different program. */
  startTicks: number | null;
  acquiredAt: string;
  hostname: string;
  /** Random per acquisition: release() removes only its own lock. */
  token: string;
}

export interface ProcessProbe {
  pid: number;
  hostname: string;
  /** This process's start time, ms since epoch. */
  selfStartedAt: number;
  isAlive(pid: number): boolean;
  /**
   * A process's start time as the kernel counts it (Linux: clock ticks after boot), or null
   * where the OS does not say. Compared for equality only, so wall-clock changes cannot fool it.
   */
  startTicks(pid: number): number | null;
}

/** Where no tick count exists, our own start time is compared with this much rounding slack. */
const START_TIME_SLACK_MS = 2000;
/** A lock file too fresh to hold its JSON yet belongs to an instance that is starting right now. */
const FRESH_EMPTY_LOCK_MS = 5000;

export type LockVerdict = { state: 'stale'; reason: string } | { state: 'held'; owner: LockOwner | null };

/** Pure: may we take over this lock file? */
export function judgeLock(owner: LockOwner | null, fileAgeMs: number, probe: ProcessProbe): LockVerdict {
  if (owner === null) {
    return fileAgeMs < FRESH_EMPTY_LOCK_MS ? { state: 'held', owner: null } : { state: 'stale', reason: 'unreadable lock file' };
  }
  // Another machine's process (a data folder on a network share) cannot be probed from here: assume it runs.
  if (owner.hostname !== probe.hostname) return { state: 'held', owner };
  if (owner.pid === probe.pid) {
    const selfTicks = probe.startTicks(probe.pid);
    const same = owner.startTicks !== null && selfTicks !== null ? owner.startTicks === selfTicks : Math.abs(owner.processStartedAt - probe.selfStartedAt) <= START_TIME_SLACK_MS;
    return same ? { state: 'held', owner } : { state: 'stale', reason: 'our pid, an earlier process' };
  }
  if (!probe.isAlive(owner.pid)) return { state: 'stale', reason: `pid ${owner.pid} is not running` };
  const ticks = owner.startTicks === null ? null : probe.startTicks(owner.pid);
  if (ticks !== null && ticks !== owner.startTicks) return { state: 'stale', reason: `pid ${owner.pid} now belongs to another program` };
  return { state: 'held', owner };
}

export function parseLockOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      Number.isInteger(value.pid) && (value.pid ?? 0) > 0 &&
      typeof value.processStartedAt === 'number' && Number.isFinite(value.processStartedAt) &&
      (value.startTicks === null || Number.isInteger(value.startTicks)) &&
      typeof value.acquiredAt === 'string' && typeof value.hostname === 'string' && typeof value.token === 'string'
    ) {
      return value as LockOwner;
    }
  } catch {
    // fall through
  }
  return null;
}

export interface InstanceLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** Takes the data folder's lock or throws E_INSTANCE_LOCKED with who holds it. */
export function acquireInstanceLock(dataDir: string, probe: ProcessProbe = nodeProcessProbe()): InstanceLock {
  if (!fs.existsSync(dataDir)) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: probe.pid,
    processStartedAt: probe.selfStartedAt,
    startTicks: probe.startTicks(probe.pid),
    acquiredAt: new Date().toISOString(),
    hostname: probe.hostname,
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, owner)) return heldLock(file, owner);
    let text: string;
    let ageMs: number;
    try {
      text = fs.readFileSync(file, 'utf8');
      ageMs = Date.now() - fs.statSync(file).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released between our two calls
      throw error;
    }
    const existing = parseLockOwner(text);
    const verdict = judgeLock(existing, ageMs, probe);
    if (verdict.state === 'held') throw lockedError(file, verdict.owner);
    removeStale(file, text);
  }
  throw lockedError(file, null);
}

function tryCreate(file: string, owner: LockOwner): boolean {
  let handle: number;
  try {
    handle = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(handle, `${JSON.stringify(owner)}\n`);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return true;
}

/**
 * Moves the stale file aside rather than deleting it, then checks that what moved is what
 * we judged: if another starter replaced it in between, its fresh lock is put back.
 */
function removeStale(file: string, judgedText: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved !== judgedText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone holds it again already; either way it is not ours to take.
    }
  }
  fs.rmSync(aside, { force: true });
}

function heldLock(file: string, owner: LockOwner): InstanceLock {
  let released = false;
  return {
    file,
    owner,
    release() {
      if (released) return;
      released = true;
      try {
        if (parseLockOwner(fs.readFileSync(file, 'utf8'))?.token === owner.token) fs.rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}

function lockedError(file: string, owner: LockOwner | null): AppError {
  const who = owner ? `（进程 ${owner.pid}${owner.hostname !== os.hostname() ? `，计算机 ${owner.hostname}` : ''}，自 ${formatLocal(owner.acquiredAt)} 起）` : '';
  return new AppError(
    'E_INSTANCE_LOCKED',
    `该数据目录已被另一个黔招通实例使用${who}。请先关闭正在运行的黔招通（包括网页模式和命令行）再试；若确认没有在运行，可删除 ${file} 后重试。`,
    [{ path: file, code: 'E_INSTANCE_LOCKED', message: owner ? `pid ${owner.pid}` : 'lock file being written' }],
  );
}

function formatLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The real process table. */
export function nodeProcessProbe(): ProcessProbe {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    selfStartedAt: Math.round(Date.now() - process.uptime() * 1000),
    isAlive(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: it exists, it is just not ours to signal.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    startTicks: linuxStartTicks,
  };
}

/** Linux: field 22 of /proc/<pid>/stat, the start time in clock ticks after boot. Elsewhere null. */
export function linuxStartTicks(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; count fields after its closing one.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isInteger(ticks) ? ticks : null;
  } catch {
    return null;
  }
}
