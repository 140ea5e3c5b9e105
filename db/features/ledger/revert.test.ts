import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerInspection } from '../../../shared/contract/ledger';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { createRow, updateRow } from '../../store/writer';
import { callLedger } from './ledger-call';
import { messyLedgerXlsx, messyRows, MESSY_CODES } from './test-fixtures';
import { changedTables, FTS_PAGE_TABLES, handlerTest, tableHashes } from './test-support';
import { storeUpload } from './uploads';

let t: ReturnType<typeof handlerTest>;
let existingProject: string;
let existingCompany: string;

beforeEach(() => {
  t = handlerTest();
  // A database with history: several index segments, a project the ledger will update.
  for (let i = 0; i < 40; i++) createRow(t.db, t.actor, 'company', { name: `深圳市已有企业${i}有限公司`, name_norm: normalizeCompanyName(`深圳市已有企业${i}有限公司`) });
  existingCompany = createRow(t.db, t.actor, 'company', { name: '深圳市甲科技有限公司', name_norm: normalizeCompanyName('深圳市甲科技有限公司'), credit_code: MESSY_CODES.jia });
  existingProject = createRow(t.db, t.actor, 'project', { company_id: existingCompany, name: '智能终端生产基地', stage: 'negotiating', investment_yuan: 400_000_000, notes: '旧备注' });
  createRow(t.db, t.actor, 'contact', { company_id: existingCompany, name: '王五' });
});
afterEach(() => t.dispose());

async function importMessy(rows = messyRows()) {
  const inspection: LedgerInspection = await callLedger(t.ctx, 'ledger.inspect', { uploadId: storeUpload('台账.xlsx', await messyLedgerXlsx({ rows })) });
  return callLedger(t.ctx, 'ledger.import', {
    uploadId: inspection.uploadId,
    sheet: inspection.sheet,
    header: inspection.header!,
    columns: inspection.columns.filter((column) => column.field !== null).map((column) => ({ column: column.column, field: column.field! })),
    fundsAsOf: '2023-12-31',
  });
}

function ftsIntegrity(): void {
  t.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
}

const searchCount = (phrase: string): number => t.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(`"${[...phrase].join(' ')}"`) as number;

describe('reverting an import', () => {
  it('restores the database exactly while nothing was written since: every table, and the search documents under their rowids', async () => {
    const before = tableHashes(t.db);
    const report = await importMessy();
    expect(report.rows.find((row) => row.row === 4)).toMatchObject({ outcome: 'update', projectId: existingProject });
    expect(changedTables(before, tableHashes(t.db))).toEqual(expect.arrayContaining(['table company', 'table project', 'table outbox', 'table field_history', 'table meta', 'search_fts#rowids']));
    expect(searchCount('生物医药')).toBe(1);

    const imports = await callLedger(t.ctx, 'ledger.imports', {});
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ id: report.importId, status: 'active', revertMode: 'exact', counts: { new: 3, update: 1 } });

    const result = await callLedger(t.ctx, 'ledger.revert', { importId: report.importId! });
    expect(result).toMatchObject({ mode: 'exact', kept: [] });
    // Byte for byte, every table but FTS5's own b-tree pages (journal.ts says why those cannot be).
    const changed = changedTables(before, tableHashes(t.db));
    expect(changed.filter((name) => !FTS_PAGE_TABLES.some((table) => name === `table ${table}`))).toEqual([]);
    expect(await callLedger(t.ctx, 'ledger.imports', {})).toEqual([]);

    // The index is consistent and searchable, and keeps working for new writes.
    ftsIntegrity();
    expect(searchCount('生物医药')).toBe(0);
    expect(searchCount('已有企业7')).toBe(1);
    createRow(t.db, t.actor, 'company', { name: '深圳市生物医药新公司', name_norm: normalizeCompanyName('深圳市生物医药新公司') });
    ftsIntegrity();
    expect(searchCount('生物医药')).toBe(1);
    // Nothing of the import is left to push.
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE entity = 'funds_entry'").pluck().get()).toBe(0);
  });

  it('imports again after an exact revert, with the same outcome', async () => {
    const first = await importMessy();
    await callLedger(t.ctx, 'ledger.revert', { importId: first.importId! });
    const second = await importMessy();
    expect(second.counts).toEqual(first.counts);
    ftsIntegrity();
  });

  it('reverts the later of two imports exactly, after which the earlier one is the last write and exact again', async () => {
    const first = await importMessy();
    const second = await importMessy(messyRows({ 7: [4, '光伏组件项目', '深圳丁光伏有限公司', '', '清洁高效电力', '3亿', '', '', '', '', '', '在谈', '六盘水市', '', '', '', ''] }));
    const listed = await callLedger(t.ctx, 'ledger.imports', {});
    expect(listed.map((entry) => [entry.id, entry.revertMode])).toEqual([[second.importId, 'exact'], [first.importId, 'compensating']]);
    expect((await callLedger(t.ctx, 'ledger.revert', { importId: second.importId! })).mode).toBe('exact');
    expect(t.db.prepare("SELECT count(*) FROM project WHERE name = '光伏组件项目'").pluck().get()).toBe(0);
    // The first import is now the last one written: exact again.
    expect((await callLedger(t.ctx, 'ledger.imports', {}))[0]!.revertMode).toBe('exact');
  });

  it('is not exact once sync has taken the import into a batch (or acked it)', async () => {
    const report = await importMessy();
    expect((await callLedger(t.ctx, 'ledger.imports', {}))[0]!.revertMode).toBe('exact');
    // What db/sync/client.ts persists before it sends a batch.
    t.db.prepare("INSERT INTO meta (key, value) VALUES ('sync_batch', '{}')").run();
    expect((await callLedger(t.ctx, 'ledger.imports', {}))[0]!.revertMode).toBe('compensating');
    expect((await callLedger(t.ctx, 'ledger.revert', { importId: report.importId! })).mode).toBe('compensating');
  });

  it('compensates through the writer when something was written after the import, keeping later edits', async () => {
    const report = await importMessy();
    const newProject = report.rows.find((row) => row.row === 5)!.projectId!;
    // Later work: an edit to a field the import set, and a visit logged for a company it created.
    updateRow(t.db, t.actor, 'project', existingProject, { target_park: '人工填写的园区' });
    const bingCompany = report.rows.find((row) => row.row === 6)!.companyId!;
    createRow(t.db, t.actor, 'visit', { company_id: bingCompany, visit_date: '2026-11-20', kind: 'door_visit' });
    const outboxBefore = t.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;

    const result = await callLedger(t.ctx, 'ledger.revert', { importId: report.importId! });
    expect(result.mode).toBe('compensating');
    const project = t.db.prepare('SELECT stage, investment_yuan, notes, target_park, signed_date, deleted FROM project WHERE id = ?').get(existingProject);
    expect(project).toEqual({ stage: 'negotiating', investment_yuan: 400_000_000, notes: '旧备注', target_park: '人工填写的园区', signed_date: null, deleted: 0 });
    expect(t.db.prepare('SELECT deleted FROM project WHERE id = ?').pluck().get(newProject)).toBe(1);
    expect(t.db.prepare('SELECT deleted FROM company WHERE id = ?').pluck().get(bingCompany)).toBe(0);
    expect(result.kept.map((kept) => kept.message)).toEqual(expect.arrayContaining(['企业：导入后又新增了与之关联的记录，未删除', '项目：导入后又修改过的字段未还原（target_park）']));
    // The undo travels as new changes: the platform sees the creates, then the deletes.
    expect(t.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBeGreaterThan(outboxBefore);
    const listed = await callLedger(t.ctx, 'ledger.imports', {});
    expect(listed[0]).toMatchObject({ status: 'reverted', revertMode: null });
    await expect(callLedger(t.ctx, 'ledger.revert', { importId: report.importId! })).rejects.toMatchObject({ code: 'E_LEDGER_ALREADY_REVERTED' });
  });
});
