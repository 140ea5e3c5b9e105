import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PROVISIONING_BYTES } from '../../shared/provisioning/schema';
import { openAppDatabase, type AppDatabase } from '../database';
import { applyProvisioning, PROVISION_META, readProvisioningStatus } from './apply';
import { readProvisioningFile } from './read';
import { provisionAtStartup, provisioningCandidates } from './startup';

// Worker threads, child processes and fsyncs: seconds each on a loaded build machine.
vi.setConfig({ testTimeout: 60_000 });

const CA = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'test-ca.pem'), 'utf8');
const NOW = new Date('2027-03-01T00:00:00Z');
const good = { version: 1, platformUrl: 'https://zhaoshang.example.gov.cn', caCertificatePem: CA, team: '驻深圳招商工作队', enrollmentCode: 'K7QX-2M9P-W4TR' };

let dir: string;
let app: AppDatabase | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-prov-'));
});
afterEach(() => {
  app?.close();
  app = null;
  fs.rmSync(dir, { recursive: true, force: true });
});
function write(name: string, content: string | Buffer | object): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  return file;
}
function database(): AppDatabase {
  app = openAppDatabase(path.join(dir, 'data'));
  return app;
}

describe('reading a provisioning file', () => {
  it('a good file: fields checked, the CA certificate parsed for real', () => {
    expect(readProvisioningFile(write('qianzhao-provision.json', good), NOW)).toMatchObject({ platformUrl: 'https://zhaoshang.example.gov.cn/', team: '驻深圳招商工作队' });
  });

  it('a file over 64 KB is refused before it is read', () => {
    const file = write('huge.json', `{"team":"${'x'.repeat(MAX_PROVISIONING_BYTES + 10)}"}`);
    expect(() => readProvisioningFile(file, NOW)).toThrow(expect.objectContaining({ code: 'E_PROVISION_TOO_LARGE', message: expect.stringContaining('过大') }));
  });

  it.skipIf(process.platform === 'win32')('a FIFO or a folder is refused without being opened (a FIFO would hang the start)', () => {
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(() => readProvisioningFile(fifo, NOW)).toThrow(expect.objectContaining({ code: 'E_PROVISION_INVALID', message: expect.stringContaining('不是普通文件') }));
    expect(() => readProvisioningFile(dir, NOW)).toThrow(expect.objectContaining({ message: expect.stringContaining('不是普通文件') }));
  });

  it('a missing file, and bytes that are not UTF-8 (a GBK-saved file), each say so', () => {
    expect(() => readProvisioningFile(path.join(dir, 'nope.json'), NOW)).toThrow(expect.objectContaining({ message: expect.stringContaining('找不到配置文件') }));
    const gbk = write('gbk.json', Buffer.from([0x7b, 0x22, 0xc7, 0xad, 0x22, 0x7d])); // {"黔"} in GBK
    expect(() => readProvisioningFile(gbk, NOW)).toThrow(expect.objectContaining({ message: expect.stringContaining('UTF-8') }));
  });

  it('names the file and every problem, one detail each', () => {
    const file = write('bad.json', { version: 1, platformUrl: 'http://zhaoshang.example.gov.cn', team: '', enrollmentCode: 'x' });
    let error: unknown;
    try {
      readProvisioningFile(file, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'E_PROVISION_INVALID', message: expect.stringContaining(file) });
    expect((error as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['platformUrl', 'team', 'enrollmentCode']);
  });

  it('a certificate that is PEM-shaped but does not parse, one expired, one not yet valid', () => {
    const lines = CA.trim().split('\n');
    const mangled = [...lines.slice(0, 3), lines[3]!.replace(/[A-Za-z]/g, 'A'), ...lines.slice(4)].join('\n');
    expect(() => readProvisioningFile(write('mangled.json', { ...good, caCertificatePem: mangled }), NOW)).toThrow(expect.objectContaining({ message: expect.stringContaining('无法解析') }));
    expect(() => readProvisioningFile(write('expired.json', good), new Date('2200-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ message: expect.stringContaining('已过期') }));
    expect(() => readProvisioningFile(write('early.json', good), new Date('2020-01-01T00:00:00Z'))).toThrow(expect.objectContaining({ message: expect.stringContaining('尚未生效') }));
  });
});

describe('applying it', () => {
  it('stores what enrollment needs in the encrypted database; status never returns the code', () => {
    const target = database();
    const provisioning = readProvisioningFile(write('p.json', good), NOW);
    expect(applyProvisioning(target, provisioning, { kind: 'file', file: '/media/usb/qianzhao-provision.json' }, NOW)).toEqual({ changed: true });
    const status = readProvisioningStatus(target);
    expect(status).toMatchObject({ provisioned: true, enrolled: false, platformUrl: 'https://zhaoshang.example.gov.cn/', team: '驻深圳招商工作队', hasEnrollmentCode: true, provisionedFrom: 'file:/media/usb/qianzhao-provision.json' });
    expect(status.certificates[0]).toMatchObject({ subject: expect.stringContaining('Qianzhao Test Platform CA'), fingerprint256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
    expect(JSON.stringify(status)).not.toContain('K7QX');
    expect(target.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(PROVISION_META.enrollmentCode)).toBe('K7QX-2M9P-W4TR');
    // The same settings again change nothing.
    expect(applyProvisioning(target, provisioning, { kind: 'wizard' }, NOW)).toEqual({ changed: false });
  });

  it('is refused once the device has enrolled', () => {
    const target = database();
    target.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(PROVISION_META.enrolledAt, NOW.toISOString());
    const provisioning = readProvisioningFile(write('p.json', good), NOW);
    expect(() => applyProvisioning(target, provisioning, { kind: 'wizard' }, NOW)).toThrow(expect.objectContaining({ code: 'E_PROVISION_ENROLLED' }));
  });
});

describe('first run', () => {
  it('picks up a file beside the program and comes up provisioned', () => {
    const target = database();
    const file = write('qianzhao-provision.json', good);
    expect(provisionAtStartup(target, [{ file, explicit: false }], NOW)).toMatchObject({ kind: 'applied', changed: true });
    expect(readProvisioningStatus(target).provisioned).toBe(true);
    // Later starts leave an already provisioned device alone, even if the file changes.
    write('qianzhao-provision.json', { ...good, team: '另一个工作队' });
    expect(provisionAtStartup(target, [{ file, explicit: false }], NOW)).toEqual({ kind: 'none' });
    expect(readProvisioningStatus(target).team).toBe('驻深圳招商工作队');
  });

  it('a bad file found beside the program: the app starts, and the wizard is told why', () => {
    const target = database();
    const file = write('qianzhao-provision.json', { version: 1, platformUrl: 'http://evil.example' });
    expect(provisionAtStartup(target, [{ file, explicit: false }], NOW)).toMatchObject({ kind: 'refused', file });
    const status = readProvisioningStatus(target);
    expect(status.provisioned).toBe(false);
    expect(status.fileProblem?.problems.map((p) => p.path)).toEqual(['platformUrl', 'team', 'enrollmentCode']);
  });

  it('a bad file named on the command line stops the start with its reason', () => {
    const target = database();
    const file = write('given.json', '{"version":1,');
    expect(() => provisionAtStartup(target, [{ file, explicit: true }], NOW)).toThrow(expect.objectContaining({ code: 'E_PROVISION_INVALID', message: expect.stringContaining('不是有效的 JSON') }));
  });

  it('looks in the usual places, command line first', () => {
    expect(provisioningCandidates({ explicit: 'C:\\p.json', executableDir: 'C:\\Program Files\\黔招通', platform: 'win32', env: { PROGRAMDATA: 'C:\\ProgramData' } })).toEqual([
      { file: 'C:\\p.json', explicit: true },
      { file: 'C:\\Program Files\\黔招通\\qianzhao-provision.json', explicit: false },
      { file: 'C:\\ProgramData\\黔招通\\qianzhao-provision.json', explicit: false },
    ]);
    expect(provisioningCandidates({ explicit: null, executableDir: '/opt/黔招通', platform: 'linux', env: { APPIMAGE: '/home/zs/下载/qianzhao.AppImage' } }).map((c) => c.file)).toEqual([
      '/opt/黔招通/qianzhao-provision.json',
      '/home/zs/下载/qianzhao-provision.json',
      '/etc/qianzhao/qianzhao-provision.json',
    ]);
  });
});
