/**
 * A simulated team for tests and benchmarks: members on their own databases, working
 * over several weeks through the real write path, exchanging files now and then (so one
 * member edits another's company and long texts clash), and exporting a weekly-log file
 * per week. Deterministic for a seed. Not used by the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeCheckChar } from '../../../shared/domain/credit-code';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { HlcClock } from '../../../shared/sync/hlc';
import { weekRange } from '../../../shared/weeklog/iso-week';
import { openAppDatabase, type AppDatabase } from '../../database';
import { readProfile } from '../../identity/profile';
import { createRow, setDeleted, updateRow, type Actor } from '../../store/writer';
import { weekNoteId } from '../week-notes/handlers';
import { approveDevice } from './devices';
import { exportWeeklog } from './export';
import { importWeeklogFiles, type IncomingFile } from './import';

export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WORDS = ['华为', '腾讯', '比亚迪', '大疆', '迈瑞', '顺丰', '汇川', '欣旺达', '立讯', '传音', '中集', '海能达', '光峰', '优必选', '柔宇', '云天励飞'];
const SUFFIXES = ['科技有限公司', '技术股份有限公司', '电子有限公司', '新能源有限公司', '智能装备有限责任公司'];
const KINDS = ['door_visit', 'hosted_visit', 'online_meeting', 'remote_negotiation', 'online_signing', 'inspection_trip', 'promotion_event'];

export function creditCodeFor(n: number): string {
  const body = `91440300${String(n).padStart(9, '0')}`.slice(0, 17).split('').map((ch) => (CODE_ALPHABET.includes(ch) ? ch : '0')).join('');
  return body + computeCheckChar(body);
}

export class SimMember {
  readonly app: AppDatabase;
  readonly actor: Actor;
  private time: number;
  readonly files: IncomingFile[] = [];
  readonly companies: string[] = [];
  readonly visits: string[] = [];
  readonly projects: string[] = [];

  constructor(
    readonly name: string,
    readonly dir: string,
    start: string,
  ) {
    this.app = openAppDatabase(dir);
    this.time = Date.parse(start);
    const now = (): Date => new Date(this.time);
    this.actor = { deviceId: this.app.deviceId, userId: this.app.userId, teamId: 'team-1', clock: new HlcClock(this.app.deviceId, () => this.time), now };
    this.app.db.prepare("INSERT INTO meta (key, value) VALUES ('user_display_name', ?), ('team_id', 'team-1'), ('team_name', '驻深招商工作队')").run(name);
  }

  get db() {
    return this.app.db;
  }

  /** Moves this member's clock to an instant (and on by a second per write). */
  at(instant: string): void {
    this.time = Math.max(this.time, Date.parse(instant));
  }

  tick(ms = 1000): void {
    this.time += ms;
  }

  exportWeek(week: string): IncomingFile {
    const file = exportWeeklog({ db: this.db, deviceId: this.app.deviceId, schemaVersion: this.app.migration.to, now: () => new Date(this.time) }, { scope: 'week', week });
    const incoming = { name: file.fileName, bytes: file.bytes };
    this.files.push(incoming);
    return incoming;
  }

  /** Trusts another member's device and merges their files (as members who share a company do). */
  receive(from: SimMember, files: readonly IncomingFile[]): void {
    const profile = readProfile(from.db, from.app.deviceId);
    approveDevice(this.db, { deviceId: profile.deviceId, publicKey: profile.publicKey, label: `${from.name}的电脑`, userId: profile.userId, userName: from.name }, new Date(this.time));
    importWeeklogFiles({ db: this.db, deviceId: this.app.deviceId, schemaVersion: this.app.migration.to, now: () => new Date(this.time), actor: this.actor }, files, { dryRun: false });
    // Whatever arrived is now part of what this member knows: it may edit those rows.
    for (const id of this.db.prepare('SELECT id FROM company WHERE deleted = 0').pluck().all() as string[]) if (!this.companies.includes(id)) this.companies.push(id);
    for (const id of this.db.prepare('SELECT id FROM visit WHERE deleted = 0').pluck().all() as string[]) if (!this.visits.includes(id)) this.visits.push(id);
  }

  close(): void {
    this.app.close();
  }
}

export interface TeamOptions {
  members: number;
  weeks: readonly string[];
  /** Roughly how many changes each member's weekly file holds. */
  changesPerFile: number;
  seed: number;
  /** Members hand files to a neighbour before later weeks, so edits cross (default true). */
  crossEdits?: boolean;
}

export interface SimTeam {
  members: SimMember[];
  /** Every member's weekly file, member by member, week by week. */
  files: IncomingFile[];
  root: string;
  dispose(): void;
}

/**
 * Builds a team and its files. Each member, each week: new companies (some the same
 * company another member logs, spelt differently), contacts, visits of every kind,
 * projects moving through stages, funds in place, follow-ups, edits of earlier rows,
 * a few deletes, and the weekly narrative.
 */
export function simulateTeam(options: TeamOptions): SimTeam {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-team-'));
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const firstMonday = weekRange(options.weeks[0]!).startsAt;
  const members = Array.from({ length: options.members }, (_, index) => new SimMember(`队员${String(index + 1).padStart(2, '0')}`, path.join(root, `m${index}`), firstMonday));
  let companySerial = 0;

  for (const [weekIndex, week] of options.weeks.entries()) {
    const range = weekRange(week);
    if (weekIndex > 0 && options.crossEdits !== false) {
      for (const [index, member] of members.entries()) {
        const neighbour = members[(index + 1) % members.length]!;
        if (neighbour !== member) member.receive(neighbour, neighbour.files.slice(-1));
      }
    }
    for (const member of members) {
      member.at(range.startsAt);
      member.tick(3_600_000 * (1 + Math.floor(random() * 8)));
      const { db, actor } = member;
      const startCount = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
      const made = () => (db.prepare('SELECT count(*) FROM outbox').pluck().get() as number) - startCount;
      const day = (offset: number) => new Date(Date.parse(`${range.monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
      // A week's work fits in the week, whatever its size.
      const step = Math.max(2, Math.min(600_000, Math.floor((4 * 86_400_000) / options.changesPerFile)));
      db.transaction(() => {
        while (made() < options.changesPerFile) {
          member.tick(1 + Math.floor(random() * step));
          const roll = random();
          if (roll < 0.12 || member.companies.length === 0) {
            companySerial += 1;
            // Every seventh company is one another member also logs: same code, other spelling.
            const shared = companySerial % 7 === 0 ? companySerial - 1 : companySerial;
            const word = WORDS[shared % WORDS.length]!;
            const name = companySerial % 7 === 0 ? `${word}（深圳）${SUFFIXES[shared % SUFFIXES.length]}` : `深圳市${word}${shared}${SUFFIXES[shared % SUFFIXES.length]}`;
            const id = createRow(db, actor, 'company', {
              name,
              name_norm: normalizeCompanyName(name),
              credit_code: random() < 0.6 ? creditCodeFor(shared) : null,
              industry: pick(['大数据电子信息', '先进装备制造', '健康医药', '新型建材']),
              district: pick(['440305', '440304', '440306', '440307']),
              aliases: [],
              tags: [],
              is_fortune500: false,
              is_listed: random() < 0.2,
            });
            member.companies.push(id);
          } else if (roll < 0.22) {
            createRow(db, actor, 'contact', { company_id: pick(member.companies), name: `联系人${Math.floor(random() * 1000)}`, mobile: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` });
          } else if (roll < 0.45) {
            const kind = pick(KINDS);
            const id = createRow(db, actor, 'visit', {
              company_id: pick(member.companies),
              visit_date: day(Math.floor(random() * 5)),
              kind,
              participants: [member.name],
              contact_ids: [],
              summary: `第${weekIndex + 1}周走访纪要 ${Math.floor(random() * 1e6)}`,
              intent: pick(['strong', 'medium', 'weak', null]),
              trip: kind === 'inspection_trip' ? { startDate: day(1), endDate: day(2), itinerary: '贵阳—遵义', officials: [], attendees: [] } : null,
            });
            member.visits.push(id);
          } else if (roll < 0.55) {
            const company = pick(member.companies);
            const id = createRow(db, actor, 'project', { company_id: company, name: `项目${Math.floor(random() * 1e5)}`, stage: 'lead', investment_yuan: Math.floor(random() * 50) * 10_000_000 });
            createRow(db, actor, 'project_stage_event', { project_id: id, from_stage: null, to_stage: 'lead', moved_on: day(0) });
            member.projects.push(id);
          } else if (roll < 0.62 && member.projects.length > 0) {
            const project = pick(member.projects);
            const current = db.prepare('SELECT stage FROM project WHERE id = ?').pluck().get(project) as string;
            const next = { lead: 'negotiating', negotiating: 'signed', signed: 'started', started: 'producing', producing: null }[current as 'lead'] ?? null;
            if (next) {
              const patch: Record<string, unknown> = { stage: next };
              if (next === 'signed') Object.assign(patch, { signed_date: day(3), signed_amount_yuan: (1 + Math.floor(random() * 20)) * 50_000_000 });
              if (next === 'started') patch.start_date = day(4);
              if (next === 'producing') patch.production_date = day(4);
              updateRow(db, actor, 'project', project, patch);
              createRow(db, actor, 'project_stage_event', { project_id: project, from_stage: current, to_stage: next, moved_on: day(3) });
            }
          } else if (roll < 0.66 && member.projects.length > 0) {
            createRow(db, actor, 'funds_entry', { project_id: pick(member.projects), entry_date: day(2), amount_yuan: (1 + Math.floor(random() * 100)) * 1_000_000 });
          } else if (roll < 0.74) {
            createRow(db, actor, 'task', { title: `跟进 ${Math.floor(random() * 1000)}`, due_date: day(Math.floor(random() * 10)), company_id: pick(member.companies), done: false });
          } else if (roll < 0.9) {
            // Edits, also of rows other members made: long texts clash, short fields race.
            const company = pick(member.companies);
            updateRow(db, actor, 'company', company, { notes: `${member.name} 第${weekIndex + 1}周备注 ${Math.floor(random() * 1e6)}`, address: `深圳市南山区${Math.floor(random() * 100)}号` });
            if (member.visits.length > 0) {
              const visit = pick(member.visits);
              if (db.prepare('SELECT deleted FROM visit WHERE id = ?').pluck().get(visit) === 0) {
                updateRow(db, actor, 'visit', visit, { summary: `${member.name} 修改的纪要 ${Math.floor(random() * 1e6)}`, next_step: '再次拜访' });
              }
            }
          } else if (roll < 0.93 && member.visits.length > 3) {
            const visit = pick(member.visits);
            setDeleted(db, actor, 'visit', visit, random() < 0.85);
          } else {
            const noteId = db.prepare('SELECT id FROM week_note WHERE week = ? AND owner_user_id = ?').pluck().get(week, actor.userId) as string | undefined;
            const texts = { summary: `本周走访 ${Math.floor(random() * 10)} 家`, next_plan: '继续跟进重点项目', issues: random() < 0.5 ? '用地指标紧张' : null };
            if (noteId) updateRow(db, actor, 'week_note', noteId, texts);
            else createRow(db, actor, 'week_note', { week, ...texts }, weekNoteId(actor.userId!, week));
          }
        }
      })();
      member.exportWeek(week);
    }
  }
  return {
    members,
    files: members.flatMap((member) => member.files),
    root,
    dispose: () => {
      for (const member of members) member.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
