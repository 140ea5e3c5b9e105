import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HlcClock } from '../../../shared/sync/hlc';
import type { WeeklyReport } from '../../../shared/contract/report';
import { createRow, updateRow, type Actor } from '../../store/writer';
import { approveDevice } from '../weeklog/devices';
import { weekTest } from '../weeklog/test-support';
import { saveWeekNote } from '../week-notes/handlers';
import { weeklyReport } from './data';
import { locateCjkFont } from './fonts';
import { reportPdf } from './pdf';
import { reportXlsx } from './xlsx';

/**
 * A fixed week (2026-W48, 23–29 November) for two members, with the figures worked out
 * by hand below, and rows just outside it (previous week, next week, deleted) that must
 * not count.
 */
let t: ReturnType<typeof weekTest>;
let report: WeeklyReport;
const REPORT_DAY = new Date('2026-12-01T02:00:00Z');

function actorAt(base: Actor, userId: string, instant: string): Actor {
  let ms = Date.parse(instant);
  const now = () => new Date((ms += 1000));
  return { ...base, userId, clock: new HlcClock(base.deviceId, () => now().getTime()), now };
}

beforeAll(() => {
  t = weekTest({ userName: '组长' });
  const { db } = t;
  t.db.prepare("INSERT INTO meta (key, value) VALUES ('team_name', '驻深招商工作队')").run();
  for (const [userId, name, key] of [
    ['u-zhang', '张三', 'A'],
    ['u-li', '李四', 'B'],
  ] as const) {
    approveDevice(db, { deviceId: `device-${key}`, publicKey: Buffer.alloc(32, key.charCodeAt(0)).toString('base64'), label: name, userId, userName: name }, REPORT_DAY);
  }
  const zhang = actorAt(t.actor, 'u-zhang', '2026-11-24T01:00:00Z');
  const zhangEarlier = actorAt(t.actor, 'u-zhang', '2026-11-10T01:00:00Z');
  const li = actorAt(t.actor, 'u-li', '2026-11-26T01:00:00Z');
  const company = (actor: Actor, name: string) => createRow(db, actor, 'company', { name });
  const visit = (actor: Actor, companyId: string, date: string, kind: string, intent: string | null = null) =>
    createRow(db, actor, 'visit', { company_id: companyId, visit_date: date, kind, participants: [], contact_ids: [], intent, summary: `${date} 走访` });
  const move = (actor: Actor, projectId: string, from: string | null, to: string, on: string, patch: Record<string, unknown> = {}) => {
    updateRow(db, actor, 'project', projectId, { stage: to, ...patch });
    createRow(db, actor, 'project_stage_event', { project_id: projectId, from_stage: from, to_stage: to, moved_on: on });
  };
  const task = (actor: Actor, due: string, doneAt: string | null) => createRow(db, actor, 'task', { title: `待办 ${due}`, due_date: due, done: doneAt !== null, done_at: doneAt });

  // 张三: 2 new companies this week (+1 from before), 4 visits, P1 lead → 在谈 → 签约 2.5 亿, funds 0.3 亿.
  const old = company(zhangEarlier, '深圳市旧企业有限公司');
  const p2 = createRow(db, zhangEarlier, 'project', { company_id: old, name: '老项目', stage: 'lead' });
  createRow(db, zhangEarlier, 'project_stage_event', { project_id: p2, from_stage: null, to_stage: 'lead', moved_on: '2026-11-10' });
  createRow(db, zhangEarlier, 'funds_entry', { project_id: p2, entry_date: '2026-11-20', amount_yuan: 99_000_000 });
  task(zhangEarlier, '2026-11-18', null);
  const a = company(zhang, '深圳市甲科技有限公司');
  company(zhang, '深圳市乙电子有限公司');
  visit(zhang, a, '2026-11-23', 'door_visit');
  visit(zhang, a, '2026-11-24', 'door_visit');
  visit(zhang, a, '2026-11-25', 'online_meeting', 'strong');
  visit(zhang, a, '2026-11-26', 'inspection_trip');
  visit(zhang, a, '2026-11-30', 'door_visit');
  const deleted = visit(zhang, a, '2026-11-24', 'hosted_visit');
  db.prepare('UPDATE visit SET deleted = 1 WHERE id = ?').run(deleted);
  const p1 = createRow(db, zhang, 'project', { company_id: a, name: '甲项目', stage: 'lead' });
  createRow(db, zhang, 'project_stage_event', { project_id: p1, from_stage: null, to_stage: 'lead', moved_on: '2026-11-24' });
  move(zhang, p1, 'lead', 'negotiating', '2026-11-25');
  move(zhang, p1, 'negotiating', 'signed', '2026-11-27', { signed_date: '2026-11-27', signed_amount_yuan: 250_000_000 });
  createRow(db, zhang, 'funds_entry', { project_id: p1, entry_date: '2026-11-28', amount_yuan: 30_000_000 });
  task(zhang, '2026-11-24', '2026-11-24T08:00:00.000Z');
  task(zhang, '2026-11-26', null);
  task(zhang, '2026-12-02', null);

  // 李四: 1 new company, 3 visits, P3 lead → 在谈 → 签约 1.2 亿 → 开工, funds 0.155 亿.
  const b = company(li, '大疆创新（深圳）科技有限公司');
  visit(li, b, '2026-11-27', 'hosted_visit');
  visit(li, b, '2026-11-28', 'online_signing');
  visit(li, b, '2026-11-29', 'remote_negotiation');
  const p3 = createRow(db, li, 'project', { company_id: b, name: '无人机基地', stage: 'lead' });
  createRow(db, li, 'project_stage_event', { project_id: p3, from_stage: null, to_stage: 'lead', moved_on: '2026-11-26' });
  move(li, p3, 'lead', 'negotiating', '2026-11-26');
  move(li, p3, 'negotiating', 'signed', '2026-11-26', { signed_date: '2026-11-26', signed_amount_yuan: 120_000_000 });
  move(li, p3, 'signed', 'started', '2026-11-29', { start_date: '2026-11-29' });
  createRow(db, li, 'funds_entry', { project_id: p3, entry_date: '2026-11-29', amount_yuan: 15_500_000 });
  task(li, '2026-11-29', '2026-11-30T03:00:00.000Z');
  saveWeekNote(db, li, { week: '2026-W48', summary: '走访企业3家，促成云上签约1项', nextPlan: '推动项目开工', issues: '园区标准厂房不足' });

  report = weeklyReport(db, '2026-W48', REPORT_DAY);
});

afterAll(() => t?.dispose());

describe('the 周报 of a fixed week', () => {
  it('counts each member and the team as worked out by hand', () => {
    expect(report).toMatchObject({ week: '2026-W48', monday: '2026-11-23', sunday: '2026-11-29', asOf: '2026-11-29', teamName: '驻深招商工作队', label: '2026年第48周（11月23日—11月29日）' });
    expect(report.members.map((member) => member.name)).toEqual(['李四', '张三']);
    const [li, zhang] = report.members;
    expect(zhang).toMatchObject({
      visits: 4,
      visitsByKind: { door_visit: 2, online_meeting: 1, inspection_trip: 1, hosted_visit: 0 },
      newCompanies: 2,
      projects: 2,
      projectsByStage: { lead: 1, signed: 1 },
      newProjects: 1,
      stageMoves: 2,
      signedCount: 1,
      signedAmountYuan: 250_000_000,
      fundsInPlaceYuan: 30_000_000,
      followUpsDue: 2,
      followUpsDone: 1,
      followUpsOverdue: 2,
    });
    expect(li).toMatchObject({ visits: 3, newCompanies: 1, projects: 1, projectsByStage: { started: 1 }, stageMoves: 3, signedAmountYuan: 120_000_000, fundsInPlaceYuan: 15_500_000, followUpsDue: 1, followUpsDone: 1, followUpsOverdue: 0 });
    expect(report.total).toMatchObject({ visits: 7, newCompanies: 3, projects: 3, newProjects: 2, stageMoves: 5, signedCount: 2, signedAmountYuan: 370_000_000, fundsInPlaceYuan: 45_500_000, followUpsDue: 3, followUpsDone: 2, followUpsOverdue: 2 });
    expect(report.notableVisits.map((visit) => `${visit.visitDate} ${visit.kind}`)).toEqual(['2026-11-25 online_meeting', '2026-11-26 inspection_trip', '2026-11-28 online_signing']);
    expect(report.stageMoves).toHaveLength(5);
    expect(report.notes).toEqual([{ memberName: '李四', summary: '走访企业3家，促成云上签约1项', nextPlan: '推动项目开工', issues: '园区标准厂房不足' }]);
  });

  it('while the week runs, stages and overdue count at today', () => {
    const midweek = weeklyReport(t.db, '2026-W48', new Date('2026-11-26T02:00:00Z'));
    expect(midweek.asOf).toBe('2026-11-26');
    // P1 is still 在谈 on the 26th; P3 moved to 签约 that day.
    expect(midweek.total.projectsByStage).toMatchObject({ lead: 1, negotiating: 1, signed: 1, started: 0 });
  });

  it('the .xlsx opens in LibreOffice with the hand-computed totals', async () => {
    const dir = fs.mkdtempSync(path.join(t.dir, 'xlsx-'));
    const file = path.join(dir, '周报.xlsx');
    fs.writeFileSync(file, await reportXlsx(report));
    const csv = libreOfficeCsv(file, dir);
    const rows = csv.trim().split(/\r?\n/).map(parseCsvLine);
    expect(rows[0]![0]).toBe('驻深招商工作队工作周报');
    expect(rows[1]![0]).toContain('统计时间：2026年11月23日—2026年11月29日');
    expect(rows[1]!.join('')).toContain('单位：次、家、个、件、亿元');
    expect(rows[2]!.slice(0, 3)).toEqual(['序号', '队员', '走访对接（次）']);
    expect(rows[3]!.slice(2, 10)).toEqual(['上门拜访', '来访接待', '网上见', '远程谈', '云上签', '赴黔考察', '推介会/活动', '小计']);
    expect(rows[4]!.slice(0, 2)).toEqual(['1', '李四']);
    expect(rows[5]!.slice(0, 2)).toEqual(['2', '张三']);
    const total = rows.find((row) => row[0] === '合计')!;
    // 走访 2/1/1/1/1/1/0 = 7 · 新增企业 3 · 项目 新增 2, 推进 5, 线索 1 在谈 0 签约 1 开工 1 投产 0 搁置 0 终止 0
    // 签约 2 个 3.7 亿 · 到位 0.455 亿 · 待办 到期 3 完成 2 逾期 2
    expect(total.slice(2)).toEqual(['2', '1', '1', '1', '1', '1', '0', '7', '3', '2', '5', '1', '0', '1', '1', '0', '0', '0', '2', '3.7000', '0.4550', '3', '2', '2']);
    expect(csv).toContain('填报单位：驻深招商工作队');
  }, 120_000);

  it('the PDF embeds a Chinese font and carries the table', async () => {
    const font = locateCjkFont();
    const pdf = await reportPdf(report, font);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = pdfStreams(pdf);
    // The embedded font's ToUnicode map covers the characters of 合计 and 驻深招商工作队.
    for (const char of '合计驻深招商工作队上门拜访') expect(text).toContain(char.codePointAt(0)!.toString(16).padStart(4, '0').toLowerCase());
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]?/);
  });
});

/** Converts the first sheet to CSV with LibreOffice Calc (UTF-8, comma, double quotes), in its own profile. */
function libreOfficeCsv(file: string, outDir: string): string {
  const profile = `file://${path.join(outDir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, file], { stdio: 'pipe', timeout: 90_000 });
  return fs.readFileSync(file.replace(/\.xlsx$/, '.csv'), 'utf8');
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(current);
      current = '';
    }
    else current += char;
  }
  cells.push(current);
  return cells;
}

/** Every stream of the PDF, inflated where it is deflated, as latin1 text. */
function pdfStreams(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const body = pdf.subarray(start, end);
    try {
      out.push(inflateSync(body).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
  }
  return out.join('\n').toLowerCase();
}
