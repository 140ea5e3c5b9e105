import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/rpc-client';
import { createBackend, type Backend } from '../../server/backend';
import { VALID_CODE } from '../test-support';

const ORIGIN = 'http://127.0.0.1:5998';
const TOKEN = 'feature-test-token-0123456789';
let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-companies-rpc-'));
  backend = createBackend({ dataDir: dir, rendererDir: null, token: TOKEN, origin: ORIGIN });
});
afterEach(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rpc(method: string, input: unknown): Promise<{ status: number; body: { data?: { id: string }; error?: { code: string; message: string; details?: { path: string; refId?: string }[] } } }> {
  const response = await backend.fetch(
    new Request(`${ORIGIN}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, origin: ORIGIN },
      body: JSON.stringify(input),
    }),
  );
  return { status: response.status, body: (await response.json()) as never };
}

describe('company refusals over HTTP', () => {
  it('a duplicate credit code is 409 with a link to the existing company', async () => {
    const first = await rpc('companies.create', { name: '华为技术有限公司', creditCode: VALID_CODE });
    expect(first.status).toBe(200);
    const second = await rpc('companies.create', { name: '其他公司', creditCode: VALID_CODE });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'E_COMPANY_DUPLICATE_CODE', details: [{ path: 'creditCode', refId: first.body.data!.id }] });
    expect(second.body.error!.message).toContain('华为技术有限公司');
  });

  it('a look-alike name is 409 until confirmed', async () => {
    await rpc('companies.create', { name: '深圳市腾讯计算机系统有限公司' });
    const warned = await rpc('companies.create', { name: '腾讯计算机系统有限公司' });
    expect(warned.status).toBe(409);
    expect(warned.body.error?.code).toBe('E_COMPANY_SIMILAR_NAME');
    const confirmed = await rpc('companies.create', { name: '腾讯计算机系统有限公司', confirmSimilarName: true });
    expect(confirmed.status).toBe(200);
    const list = await rpc('companies.list', {});
    expect((list.body.data as unknown as { total: number }).total).toBe(2);
  });

  it('a wrong check character is 400 E_USCC_CHECKSUM and nothing is saved', async () => {
    const refused = await rpc('companies.create', { name: '华为技术有限公司', creditCode: '914403001922038217' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'E_USCC_CHECKSUM', details: [expect.objectContaining({ path: 'creditCode' })] });
    expect((await rpc('companies.list', {})).body.data).toEqual({ items: [], total: 0 });
  });

  it('a stage move refused for missing data is 400 with the field named', async () => {
    const company = await rpc('companies.create', { name: '大疆创新' });
    const project = await rpc('projects.create', { companyId: company.body.data!.id, name: '无人机基地' });
    const refused = await rpc('projects.moveStage', { id: project.body.data!.id, to: 'signed', signedDate: '2026-11-25' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT', details: [{ path: 'signedAmount' }] });
  });
});
