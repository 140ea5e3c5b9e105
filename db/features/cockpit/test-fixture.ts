/**
 * A small portfolio whose every cockpit figure was worked out by hand (see the expected
 * values in cockpit.test.ts and the walk-through in docs/cockpit-metrics.md). Period of
 * interest: 2025-01-01 … 2025-12-31. Written through the writer, like the app writes.
 */
import { normalizeCompanyName } from '../../../shared/domain/names';
import type { Db } from '../../sql';
import type { RowValues } from '../../store/entities';
import { createRow, setDeleted, type Actor } from '../../store/writer';

export const FIXTURE_PERIOD = { from: '2025-01-01', to: '2025-12-31' } as const;
export const TEAM_1 = 'team-1';
export const TEAM_2 = 'team-2';
export const OTHER_USER = 'user-2';
const WAN = 10_000;

export interface CockpitFixture {
  /** Project ids by fixture name P1 … P10. */
  projects: Record<string, string>;
  localUser: string;
}

export function seedCockpitFixture(db: Db, actor: Actor): CockpitFixture {
  const u1 = actor.userId;
  const company = (name: string) => createRow(db, actor, 'company', { name, name_norm: normalizeCompanyName(name) });
  const a = company('深圳甲科技有限公司');
  const b = company('深圳乙医药有限公司');
  const c = company('深圳丙材料有限公司');
  const projects: Record<string, string> = {};
  const project = (key: string, values: RowValues<'project'>): void => {
    projects[key] = createRow(db, actor, 'project', { name: `项目${key}`, ...values });
  };
  project('P1', { company_id: a, industry: '大数据电子信息', target_city: '贵阳市', target_county: '观山湖区', target_park: '高新区', stage: 'producing', signed_date: '2025-02-10', signed_amount_yuan: 10_000 * WAN, start_date: '2025-04-01', production_date: '2025-10-01', owner_user_id: u1, team_id: TEAM_1 });
  project('P2', { company_id: a, industry: '大数据电子信息', target_city: '遵义市', target_county: '汇川区', stage: 'started', signed_date: '2025-03-05', signed_amount_yuan: 5_000 * WAN, start_date: '2025-06-15', owner_user_id: u1, team_id: TEAM_1 });
  project('P3', { company_id: b, industry: '健康医药', target_city: '贵阳市', target_county: '乌当区', target_park: '医药园', stage: 'signed', signed_date: '2025-03-20', signed_amount_yuan: 2_000 * WAN, owner_user_id: OTHER_USER, team_id: TEAM_1 });
  project('P4', { company_id: b, industry: '健康医药', target_city: '安顺市', target_park: '开发区', stage: 'started', signed_date: '2025-11-30', signed_amount_yuan: 3_000 * WAN, start_date: '2026-01-10', owner_user_id: OTHER_USER, team_id: TEAM_2 });
  project('P5', { company_id: c, industry: '基础材料', target_city: '毕节市', stage: 'signed', signed_date: '2024-12-31', signed_amount_yuan: 8_000 * WAN, owner_user_id: u1, team_id: TEAM_2 });
  project('P6', { company_id: c, industry: '基础材料', target_city: '毕节市', stage: 'terminated', signed_date: '2025-05-05', signed_amount_yuan: 1_000 * WAN, owner_user_id: OTHER_USER, team_id: TEAM_2 });
  project('P7', { company_id: a, stage: 'lead', owner_user_id: u1, team_id: TEAM_1 });
  project('P8', { company_id: b, industry: '健康医药', target_city: '贵阳市', stage: 'negotiating', owner_user_id: OTHER_USER, team_id: TEAM_1 });
  project('P9', { company_id: c, industry: '基础材料', target_city: '毕节市', stage: 'on_hold', owner_user_id: u1, team_id: TEAM_2 });
  project('P10', { company_id: c, industry: '基础材料', target_city: '毕节市', stage: 'signed', signed_date: '2025-06-01', signed_amount_yuan: 9_999 * WAN, owner_user_id: u1, team_id: TEAM_1 });
  setDeleted(db, actor, 'project', projects.P10!, true);

  const funds = (key: string, entry_date: string, wan: number): string => createRow(db, actor, 'funds_entry', { project_id: projects[key]!, entry_date, amount_yuan: wan * WAN });
  funds('P1', '2025-03-01', 3_000);
  funds('P1', '2025-08-15', 2_000);
  funds('P2', '2025-07-01', 1_000);
  funds('P2', '2026-01-05', 500);
  funds('P5', '2025-02-01', 400);
  funds('P3', '2025-12-31', 200);
  setDeleted(db, actor, 'funds_entry', funds('P1', '2025-09-01', 700), true);
  funds('P10', '2025-06-02', 100);

  const visit = (visit_date: string, kind: string, owner: string, team: string): string =>
    createRow(db, actor, 'visit', { company_id: a, visit_date, kind, owner_user_id: owner, team_id: team });
  visit('2025-01-06', 'door_visit', u1!, TEAM_1);
  visit('2025-01-08', 'door_visit', OTHER_USER, TEAM_1);
  visit('2025-01-12', 'online_meeting', u1!, TEAM_1);
  visit('2025-01-13', 'inspection_trip', u1!, TEAM_2);
  visit('2024-12-30', 'door_visit', u1!, TEAM_1);
  setDeleted(db, actor, 'visit', visit('2025-02-03', 'door_visit', u1!, TEAM_1), true);
  visit('2025-12-31', 'remote_negotiation', OTHER_USER, TEAM_2);
  return { projects, localUser: u1! };
}
