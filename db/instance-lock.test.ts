import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAppDatabase } from './database';
import { acquireInstanceLock, judgeLock, LOCK_FILE, nodeProcessProbe, type LockOwner, type ProcessProbe } from './instance-lock';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const probe = (overrides: Partial<ProcessProbe> = {}): ProcessProbe => ({
  pid: 100,
  hostname: 'laptop',
  selfStartedAt: 1_000_000,
  isAlive: () => true,
  startTicks: () => null,
  ...overrides,
});
const owner = (overrides: Partial<LockOwner> = {}): LockOwner => ({
  pid: 200,
  processStartedAt: 900_000,
  startTicks: null,
  acquiredAt: '2026-11-27T02:00:00.000Z',
  hostname: 'laptop',
  token: 't',
  ...overrides,
});

describe('judgeLock', () => {
  it('a live owner holds it', () => {
    expect(judgeLock(owner(), 60_000, probe())).toMatchObject({ state: 'held' });
  });
  it('a dead pid is stale', () => {
    expect(judgeLock(owner(), 60_000, probe({ isAlive: () => false }))).toMatchObject({ state: 'stale' });
  });
  it('a live pid that started at another time (pid reused after a crash) is stale', () => {
    expect(judgeLock(owner({ startTicks: 5000 }), 60_000, probe({ startTicks: (pid) => (pid === 200 ? 9000 : 1) }))).toMatchObject({ state: 'stale' });
    expect(judgeLock(owner({ startTicks: 5000 }), 60_000, probe({ startTicks: (pid) => (pid === 200 ? 5000 : 1) }))).toMatchObject({ state: 'held' });
  });
  it('our own pid: held if it is really us, stale if an earlier process had our pid', () => {
    expect(judgeLock(owner({ pid: 100, processStartedAt: 1_000_500 }), 60_000, probe())).toMatchObject({ state: 'held' });
    expect(judgeLock(owner({ pid: 100, processStartedAt: 500_000 }), 60_000, probe())).toMatchObject({ state: 'stale' });
  });
  it('another computer’s lock (a network folder) cannot be probed: held', () => {
    expect(judgeLock(owner({ hostname: 'other' }), 60_000, probe({ isAlive: () => false }))).toMatchObject({ state: 'held' });
  });
  it('an unreadable lock file: held while fresh (an instance is starting), stale when old', () => {
    expect(judgeLock(null, 1000, probe())).toMatchObject({ state: 'held' });
    expect(judgeLock(null, 60_000, probe())).toMatchObject({ state: 'stale' });
  });
});

describe('the data folder lock', () => {
  it('refuses a second instance with a clear Chinese message, and is free again after release', () => {
    const first = acquireInstanceLock(dir);
    const owner = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner.pid).toBe(process.pid);
    expect(() => acquireInstanceLock(dir)).toThrow(
      expect.objectContaining({ code: 'E_INSTANCE_LOCKED', message: expect.stringContaining(`该数据目录已被另一个黔招通实例使用（进程 ${process.pid}`) }),
    );
    first.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireInstanceLock(dir).release();
  });

  it('takes over a lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.once('exit', resolve));
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner({ pid: deadPid, hostname: os.hostname() })));
    const lock = acquireInstanceLock(dir);
    expect(lock.owner.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an old, half-written lock file', () => {
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireInstanceLock(dir).release();
  });

  it('release() leaves a lock that is no longer ours alone', () => {
    const lock = acquireInstanceLock(dir);
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner({ token: 'someone-else' })));
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  });

  it('openAppDatabase holds it until close: a second open of the same folder is refused', () => {
    const app = openAppDatabase(dir);
    expect(() => openAppDatabase(dir)).toThrow(expect.objectContaining({ code: 'E_INSTANCE_LOCKED' }));
    app.close();
    openAppDatabase(dir).close();
  });

  it('a live process in another program holds it (a real second process)', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const probeNow = nodeProcessProbe();
      fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner({ pid: child.pid!, hostname: os.hostname(), startTicks: probeNow.startTicks(child.pid!), processStartedAt: Date.now() })));
      expect(() => acquireInstanceLock(dir)).toThrow(expect.objectContaining({ code: 'E_INSTANCE_LOCKED', message: expect.stringContaining(`进程 ${child.pid}`) }));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
