import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamContract } from '../../../shared/contract/team';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { readProfile } from '../../identity/profile';
import { createRow, updateRow } from '../../store/writer';
import { approveDevice } from '../weeklog/devices';
import { exportWeeklog } from '../weeklog/export';
import { importWeeklogFiles } from '../weeklog/import';
import { callWith, weekTest, WEEK_TEST_NOW } from '../weeklog/test-support';
import { teamHandlers } from './handlers';

let zhang: ReturnType<typeof weekTest>;
let li: ReturnType<typeof weekTest>;
let lead: ReturnType<typeof weekTest>;
const call = <M extends keyof typeof teamContract & string>(method: M, input: Parameters<typeof callWith<typeof teamContract, M>>[4]) =>
  callWith(teamContract, teamHandlers, lead.ctx, method, input);

beforeEach(() => {
  zhang = weekTest({ userName: '张三' });
  li = weekTest({ userName: '李四' });
  lead = weekTest({ userName: '王组长' });
  for (const member of [zhang, li]) {
    const profile = readProfile(member.db, member.app.deviceId);
    approveDevice(lead.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: profile.userName!, userId: profile.userId, userName: profile.userName }, WEEK_TEST_NOW);
  }
});

afterEach(() => {
  for (const t of [zhang, li, lead]) t.dispose();
});

function company(member: typeof zhang, name: string, creditCode: string | null, extra: Record<string, unknown> = {}): string {
  return createRow(member.db, member.actor, 'company', { name, name_norm: normalizeCompanyName(name), credit_code: creditCode, aliases: [], tags: [], ...extra });
}

function sendToLead(...members: (typeof zhang)[]): void {
  const files = members.map((member) => {
    const file = exportWeeklog(member.ctx, { scope: 'week', week: '2026-W48' });
    return { name: file.fileName, bytes: file.bytes };
  });
  const result = importWeeklogFiles(lead.ctx, files, { dryRun: false });
  expect(result.files.every((file) => file.status === 'imported')).toBe(true);
}

const liveCount = (table: string, companyId: string) => lead.db.prepare(`SELECT count(*) FROM ${table} WHERE company_id = ? AND deleted = 0`).pluck().get(companyId);

describe('duplicate companies across members', () => {
  it('two members log one company — full-width credit code, bracketed name — the lead merges, everything follows, undo restores both', async () => {
    // 张三 types the code in full-width digits (as a Chinese IME gives them) and the registered name.
    const a = company(zhang, '深圳市大疆创新科技有限公司', '９１４４０３００１９２２０３８２１６', { industry: '先进装备制造', address: '南山区仙元路55号' });
    createRow(zhang.db, zhang.actor, 'contact', { company_id: a, name: '罗总', mobile: '13800138000' });
    createRow(zhang.db, zhang.actor, 'visit', { company_id: a, visit_date: '2026-11-24', kind: 'door_visit', participants: ['张三'], contact_ids: [], summary: '了解扩产' });
    // 李四 writes the short name with a bracketed place, half-width code, and a project.
    const b = company(li, '大疆创新（深圳）科技有限公司', '914403001922038216', { notes: '有意在贵安设立基地' });
    createRow(li.db, li.actor, 'visit', { company_id: b, visit_date: '2026-11-25', kind: 'online_meeting', participants: ['李四'], contact_ids: [] });
    const project = createRow(li.db, li.actor, 'project', { company_id: b, name: '无人机生产基地', stage: 'lead' });
    createRow(li.db, li.actor, 'task', { title: '寄送园区资料', due_date: '2026-11-30', company_id: b, project_id: project, done: false });
    // An unrelated company that must not be grouped.
    company(li, '深圳市腾讯计算机系统有限公司', null);
    sendToLead(zhang, li);

    const groups = await call('team.duplicates', {});
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.reasons).toEqual(['creditCode', 'name']);
    expect(group.crossMember).toBe(true);
    expect(group.companies.map((c) => c.ownerName).sort()).toEqual(['张三', '李四']);
    expect(group.companies.find((c) => c.id === b)!.counts).toEqual({ contacts: 0, visits: 1, projects: 1, tasks: 1 });

    // The lead keeps 张三's record, with 李四's notes; the code in its proper (half-width) form.
    const merge = await call('team.mergeCompanies', { survivorId: a, mergedIds: [b], choices: { notes: b, credit_code: b } });
    expect(merge.repointed).toEqual({ contacts: 0, visits: 1, projects: 1, tasks: 1 });
    const survivor = lead.db.prepare('SELECT * FROM company WHERE id = ?').get(a) as Record<string, unknown>;
    expect(survivor).toMatchObject({ name: '深圳市大疆创新科技有限公司', credit_code: '914403001922038216', notes: '有意在贵安设立基地', address: '南山区仙元路55号', deleted: 0 });
    expect(JSON.parse(String(survivor.aliases))).toEqual(['大疆创新（深圳）科技有限公司']);
    expect(lead.db.prepare('SELECT deleted FROM company WHERE id = ?').pluck().get(b)).toBe(1);
    expect(liveCount('visit', a)).toBe(2);
    expect(liveCount('project', a)).toBe(1);
    expect(liveCount('task', a)).toBe(1);
    expect(liveCount('contact', a)).toBe(1);
    expect(await call('team.duplicates', {})).toEqual([]);
    // History kept: the re-pointing is in the visit's field history, and the merge is stamped for sync.
    const moved = lead.db.prepare("SELECT old_value, new_value, source FROM field_history WHERE row_id = (SELECT id FROM visit WHERE kind = 'online_meeting') AND field = 'company_id' ORDER BY id").all();
    expect(moved.at(-1)).toEqual({ old_value: JSON.stringify(b), new_value: JSON.stringify(a), source: 'local' });
    expect(lead.db.prepare("SELECT count(*) FROM outbox WHERE op = 'delete' AND row_id = ?").pluck().get(b)).toBe(1);

    const undo = await call('team.undoMerge', { mergeId: merge.id });
    expect(undo).toMatchObject({ keptFields: [], keptRecords: 0 });
    expect(undo.merge.undoneAt).not.toBeNull();
    expect(lead.db.prepare('SELECT deleted FROM company WHERE id = ?').pluck().get(b)).toBe(0);
    expect(lead.db.prepare('SELECT name, credit_code, notes, aliases FROM company WHERE id = ?').get(a)).toEqual({ name: '深圳市大疆创新科技有限公司', credit_code: '９１４４０３００１９２２０３８２１６', notes: null, aliases: '[]' });
    expect([liveCount('visit', a), liveCount('visit', b), liveCount('project', b), liveCount('task', b), liveCount('contact', a)]).toEqual([1, 1, 1, 1, 1]);
    expect((await call('team.duplicates', {})).map((g) => g.companies.length)).toEqual([2]);
    await expect(call('team.undoMerge', { mergeId: merge.id })).rejects.toMatchObject({ code: 'E_TEAM_MERGE_ALREADY_UNDONE' });
  });

  it('a shared contact mobile groups companies whose names differ; dismissing keeps them apart', async () => {
    const a = company(zhang, '深圳市前海微众银行股份有限公司', null);
    createRow(zhang.db, zhang.actor, 'contact', { company_id: a, name: '陈经理', mobile: '+86 138-0013-8001' });
    const b = company(li, '微众银行', null);
    createRow(li.db, li.actor, 'contact', { company_id: b, name: '陈经理', mobile: '13800138001' });
    sendToLead(zhang, li);
    const groups = await call('team.duplicates', {});
    expect(groups.map((group) => group.reasons)).toEqual([['mobile']]);
    expect((await call('team.dismissDuplicate', { companyIds: [a, b] })).dismissed).toBe(1);
    expect(await call('team.duplicates', {})).toEqual([]);
    expect(await call('team.duplicates', { includeDismissed: true })).toHaveLength(1);
  });

  it('an edit made after the merge survives its undo, and is named', async () => {
    const a = company(zhang, '深圳市汇川技术股份有限公司', '914403007261824992');
    const b = company(li, '汇川技术', '914403007261824992', { industry: '先进装备制造' });
    sendToLead(zhang, li);
    const merge = await call('team.mergeCompanies', { survivorId: a, mergedIds: [b], choices: {} });
    // Default choice: the survivor's value, or the first non-empty one.
    expect(lead.db.prepare('SELECT industry FROM company WHERE id = ?').pluck().get(a)).toBe('先进装备制造');
    updateRow(lead.db, lead.actor, 'company', a, { industry: '大数据电子信息' });
    const undo = await call('team.undoMerge', { mergeId: merge.id });
    expect(undo.keptFields).toEqual(['industry']);
    expect(lead.db.prepare('SELECT industry FROM company WHERE id = ?').pluck().get(a)).toBe('大数据电子信息');
  });

  it('companies of another team are flagged and not merged by this lead', async () => {
    lead.db.prepare("INSERT INTO meta (key, value) VALUES ('team_id', 'team-shenzhen')").run();
    const a = company(zhang, '比亚迪股份有限公司', '91440300192317458F', { team_id: 'team-shenzhen' });
    const b = company(li, '比亚迪股份有限公司', '91440300192317458F', { team_id: 'team-zunyi' });
    sendToLead(zhang, li);
    const [group] = await call('team.duplicates', {});
    expect(group!.otherTeamCourting).toBe(true);
    expect(group!.companies.find((c) => c.id === b)!.otherTeam).toBe(true);
    await expect(call('team.mergeCompanies', { survivorId: a, mergedIds: [b], choices: {} })).rejects.toMatchObject({ code: 'E_TEAM_MERGE_INVALID' });
  });
});
