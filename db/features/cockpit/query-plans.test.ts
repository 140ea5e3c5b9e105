import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cockpitContract } from '../../../shared/contract/cockpit';
import { handlerTest } from '../ledger/test-support';
import { cockpitHandlers } from './handlers';
import { FIXTURE_PERIOD, OTHER_USER, seedCockpitFixture, TEAM_2 } from './test-fixture';

/**
 * The cockpit's queries must read covering indexes (migration 0005): on 1M visits and
 * 50k projects a table scan, or a lookup of the wide rows per project or visit, is what
 * takes a cockpit from 100 ms to seconds. Without ANALYZE statistics SQLite plans a small
 * table as it plans a big one, so these plans are the seed database's plans.
 */
let t: ReturnType<typeof handlerTest>;
const plans = new Map<string, string>();

beforeAll(async () => {
  t = handlerTest();
  seedCockpitFixture(t.db, t.actor);
  const prepare = t.db.prepare.bind(t.db);
  const seen = new Set<string>();
  t.db.prepare = ((sql: string) => {
    if (/^\s*SELECT/i.test(sql)) seen.add(sql);
    return prepare(sql);
  }) as typeof t.db.prepare;
  for (const filters of [{}, { ownerUserId: OTHER_USER }, { teamId: TEAM_2 }, { industry: '健康医药', targetCity: '贵阳市' }]) {
    await cockpitHandlers['cockpit.get'](cockpitContract['cockpit.get'].input.parse({ ...FIXTURE_PERIOD, ...filters }), t.ctx);
  }
  t.db.prepare = prepare;
  for (const sql of seen) {
    const params = (sql.match(/\?/g) ?? []).map(() => 'x');
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
    plans.set(sql.replace(/\s+/g, ' '), plan);
  }
});
afterAll(() => t.dispose());

const planOf = (fragment: string): string[] => [...plans].filter(([sql]) => sql.includes(fragment)).map(([, plan]) => plan);

describe('cockpit query plans', () => {
  it('reads the period cohort from its covering index, never the project rows', () => {
    for (const plan of planOf('count(*) AS signed')) expect(plan, plan).toMatch(/COVERING INDEX project_live_signed/);
    for (const plan of planOf('sum(f.amount_yuan) AS funds')) {
      expect(plan).toMatch(/COVERING INDEX project_live_signed/);
      expect(plan).toMatch(/COVERING INDEX funds_live_by_project/);
    }
  });

  it('counts visits on the slim kind/day indexes', () => {
    const visitPlans = planOf('FROM visit v WHERE');
    expect(visitPlans.length).toBe(3);
    expect(visitPlans.join('\n')).toMatch(/COVERING INDEX visit_live_by_kind_day/);
    expect(visitPlans.join('\n')).toMatch(/COVERING INDEX visit_live_by_owner_kind/);
    expect(visitPlans.join('\n')).toMatch(/COVERING INDEX visit_live_by_team_kind/);
  });

  it('leaves deleted projects out of the monthly money by a probe of the deleted-projects index', () => {
    expect(planOf('NOT IN (SELECT id FROM project WHERE deleted = 1)')[0]).toMatch(/COVERING INDEX funds_live_by_date.*COVERING INDEX project_deleted/);
  });

  it('checks a filtered month\'s 到位资金 against a set of project ids read off an index', () => {
    const filtered = planOf('f.project_id IN (SELECT p.id FROM project p WHERE');
    expect(filtered.length).toBeGreaterThan(0);
    for (const plan of filtered) expect(plan, plan).toMatch(/COVERING INDEX funds_live_by_\w+ .*LIST SUBQUERY/);
    // One member's or one team's project ids come straight off an index.
    expect(filtered.filter((plan) => /COVERING INDEX project_live_by_(owner|team)/.test(plan))).toHaveLength(2);
  });

  it('reads no table in full', () => {
    expect([...plans].filter(([, plan]) => /SCAN (p|v|f|project|visit|funds_entry)\b(?! USING (COVERING )?INDEX)/.test(plan))).toEqual([]);
  });
});
