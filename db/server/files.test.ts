import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../shared/rpc-client';
import type { WeeklogImportResult } from '../../shared/contract/weeklog';
import { contentHash } from '../content-hash';
import { readProfile } from '../identity/profile';
import { approveDevice } from '../features/weeklog/devices';
import { weekTest, WEEK_TEST_NOW } from '../features/weeklog/test-support';
import { readWeeklogZip } from '../features/weeklog/zip';
import { createRow } from '../store/writer';
import { createFilesApp, FILE_NAME_HEADER } from './files';

const ORIGIN = 'http://127.0.0.1:5178';
const TOKEN = 'test-token-0123456789';
let member: ReturnType<typeof weekTest>;
let lead: ReturnType<typeof weekTest>;

beforeEach(() => {
  member = weekTest({ userName: '张三' });
  lead = weekTest({ userName: '组长' });
  createRow(member.db, member.actor, 'company', { name: '深圳市测试科技有限公司' });
});
afterEach(() => {
  member.dispose();
  lead.dispose();
});

function post(app: ReturnType<typeof createFilesApp>, path: string, init: { body?: BodyInit; type?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN, origin: ORIGIN, ...(init.type ? { 'content-type': init.type } : {}), ...init.headers };
  return app.request(`${ORIGIN}${path}`, { method: 'POST', headers, body: init.body ?? null });
}

async function exportFrom(t: typeof member): Promise<{ bytes: Uint8Array; name: string }> {
  const app = createFilesApp({ ctx: t.ctx, token: TOKEN, origin: ORIGIN });
  const response = await post(app, '/export-week', { type: 'application/json', body: JSON.stringify({ scope: 'week', week: '2026-W48' }) });
  expect(response.status).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), name: decodeURIComponent(response.headers.get(FILE_NAME_HEADER)!) };
}

function form(...files: { bytes: Uint8Array; name: string }[]): FormData {
  const data = new FormData();
  for (const file of files) data.append('files', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  return data;
}

describe('files in and out beside /rpc', () => {
  it('exports a weekly log with its Chinese file name', async () => {
    const app = createFilesApp({ ctx: member.ctx, token: TOKEN, origin: ORIGIN });
    const response = await post(app, '/export-week', { type: 'application/json', body: JSON.stringify({ scope: 'week', week: '2026-W48' }) });
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''%E5%BC%A0%E4%B8%89_2026-W48.qzlog");
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const entries = readWeeklogZip(new Uint8Array(await response.arrayBuffer()));
    expect([...entries.keys()]).toEqual(['manifest.json', 'manifest.sig', 'changes.ndjson']);
  });

  it('imports several files in one upload: a dry run first (nothing written), then for real', async () => {
    const file = await exportFrom(member);
    const profile = readProfile(member.db, member.app.deviceId);
    approveDevice(lead.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: '张三', userId: profile.userId, userName: '张三' }, WEEK_TEST_NOW);
    const app = createFilesApp({ ctx: lead.ctx, token: TOKEN, origin: ORIGIN });
    const before = contentHash(lead.db);
    const preview = (await (await post(app, '/import-week?dryRun=1', { body: form(file, { bytes: new Uint8Array([1, 2, 3]), name: '坏文件.qzlog' }) })).json()) as { data: WeeklogImportResult };
    expect(preview.data.dryRun).toBe(true);
    expect(preview.data.files.map((f) => f.status)).toEqual(['preview', 'refused']);
    expect(preview.data.files[1]!.fileName).toBe('坏文件.qzlog');
    expect(contentHash(lead.db)).toBe(before);
    const real = (await (await post(app, '/import-week', { body: form(file) })).json()) as { data: WeeklogImportResult };
    expect(real.data.files[0]).toMatchObject({ status: 'imported', stats: { created: 1 } });
  });

  it('builds the 周报 as .xlsx and PDF', async () => {
    const app = createFilesApp({ ctx: member.ctx, token: TOKEN, origin: ORIGIN });
    const xlsx = await post(app, '/report', { type: 'application/json', body: JSON.stringify({ week: '2026-W48', format: 'xlsx' }) });
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.headers.get(FILE_NAME_HEADER)!)).toBe('驻点招商工作队_2026-W48_周报.xlsx');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await post(app, '/report', { type: 'application/json', body: JSON.stringify({ week: '2026-W48', format: 'pdf' }) });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has the same guards as /rpc: token, origin, host, method, content type, size', async () => {
    const app = createFilesApp({ ctx: lead.ctx, token: TOKEN, origin: ORIGIN });
    const body = JSON.stringify({ week: '2026-W48', format: 'xlsx' });
    expect((await post(app, '/report', { type: 'application/json', body, headers: { [TOKEN_HEADER]: 'wrong' } })).status).toBe(401);
    expect((await post(app, '/report', { type: 'application/json', body, headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await app.request('http://evil.example:5178/report', { method: 'POST', headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' }, body })).status).toBe(403);
    expect((await app.request(`${ORIGIN}/report`, { headers: { [TOKEN_HEADER]: TOKEN } })).status).toBe(405);
    expect((await post(app, '/report', { type: 'text/plain', body })).status).toBe(400);
    const badWeek = await post(app, '/report', { type: 'application/json', body: JSON.stringify({ week: '2026-W99', format: 'xlsx' }) });
    expect(await badWeek.json()).toMatchObject({ error: { code: 'E_WEEKLOG_WEEK_INVALID' } });
    const huge = await post(app, '/report', { type: 'application/json', body: 'x'.repeat(100 * 1024) });
    expect(huge.status).toBe(413);
    expect((await post(app, '/import-week', { type: 'application/json', body: '{}' })).status).toBe(400);
    const noFiles = await post(app, '/import-week', { body: new FormData() });
    expect(await noFiles.json()).toMatchObject({ error: { code: 'E_BAD_REQUEST' } });
  });
});
