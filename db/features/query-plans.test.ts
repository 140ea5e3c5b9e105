import { describe, expect, it } from 'vitest';
import type { InputOf, MethodName } from '../../shared/contract';
import { featureTest, VALID_CODE, type FeatureTest } from './test-support';

/**
 * Every query a handler runs must reach the big tables through an index, and the lists'
 * pages must come off an index in order (no sort of the whole table). Without ANALYZE
 * statistics SQLite plans a tiny table exactly as it plans a big one, so these plans are
 * the plans on 100k companies / 1M visits.
 */
interface Seeded {
  companyId: string;
  projectId: string;
}

interface Plan {
  sql: string;
  plan: string[];
}

const BIG_TABLES = ['company', 'contact', 'visit', 'project', 'project_stage_event', 'funds_entry', 'task', 'field_history', 'field_clock', 'outbox'];

/**
 * Seeds a fresh database (statements are cached per database, so a fresh one prepares
 * them all again), runs `steps`, and answers the plan of every SELECT prepared on the way.
 */
async function plansOf(steps: (probe: FeatureTest, seeded: Seeded) => Promise<unknown>): Promise<Plan[]> {
  const probe = featureTest();
  const seen: string[] = [];
  const prepare = probe.db.prepare.bind(probe.db);
  probe.db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof probe.db.prepare;
  try {
    const companyId = (await probe.call('companies.create', { name: '深圳华为技术有限公司', creditCode: VALID_CODE })).id;
    const contact = await probe.call('contacts.create', { companyId, name: '张三' });
    await probe.call('visits.create', { companyId, visitDate: '2026-11-20', kind: 'door_visit', contactIds: [contact.id], followUpDate: '2026-12-01' });
    const projectId = (await probe.call('projects.create', { companyId, name: '鲲鹏基地' })).id;
    await probe.call('projects.addFunds', { projectId, entryDate: '2026-11-01', amount: '100' });
    await steps(probe, { companyId, projectId });
    return seen
      .filter((sql) => /^\s*SELECT/i.test(sql))
      .map((sql) => {
        const named = Object.fromEntries([...sql.matchAll(/:(\w+)/g)].map((match) => [match[1], null]));
        const positional = (sql.match(/\?/g) ?? []).map(() => null);
        const statement = prepare(`EXPLAIN QUERY PLAN ${sql}`);
        const rows = (Object.keys(named).length > 0 ? statement.all(named) : statement.all(...positional)) as { detail: string }[];
        return { sql, plan: rows.map((row) => row.detail) };
      });
  } finally {
    probe.dispose();
  }
}

const run =
  <M extends MethodName>(method: M, input: InputOf<M>) =>
  (probe: FeatureTest) =>
    probe.call(method, input);

function fullScans(plans: Plan[]): string[] {
  return plans.flatMap(({ plan }) => plan.filter((line) => BIG_TABLES.some((table) => new RegExp(`^SCAN ${table}( AS \\w+)?$`).test(line))));
}

function listPlan(plans: Plan[]): string {
  const list = plans.find(({ sql }) => /ORDER BY/.test(sql) && /LIMIT \? OFFSET \?/.test(sql));
  if (!list) throw new Error('no list query seen');
  return list.plan.join('\n');
}

describe('list queries page off an index, in order', () => {
  it.each<[MethodName, object, string]>([
    ['companies.list', {}, 'company_live_by_created'],
    ['companies.list', { order: 'asc' }, 'company_live_by_created'],
    ['companies.list', { sort: 'updatedAt' }, 'company_live_by_updated'],
    ['companies.list', { sort: 'name' }, 'company_live_by_name'],
    ['companies.list', { sort: 'industry' }, 'company_live_by_industry'],
    ['companies.list', { industry: '健康医药' }, 'company_live_by_industry'],
    ['companies.list', { district: '南山区' }, 'company_live_by_district'],
    ['companies.list', { ownerUserId: 'u1' }, 'company_live_by_owner'],
    ['visits.list', {}, 'visit_live_by_date'],
    ['visits.list', { dateFrom: '2026-01-01', dateTo: '2026-06-30' }, 'visit_live_by_date'],
    ['visits.list', { sort: 'createdAt' }, 'visit_live_by_created'],
    ['visits.list', { sort: 'kind' }, 'visit_live_by_kind'],
    ['visits.list', { kind: 'door_visit' }, 'visit_live_by_kind'],
    ['visits.list', { intent: 'strong' }, 'visit_live_by_intent'],
    ['visits.list', { ownerUserId: 'u1' }, 'visit_live_by_owner'],
    ['visits.list', { companyId: '01930000-0000-7000-8000-000000000001' }, 'visit_live_by_company'],
    ['projects.list', {}, 'project_live_by_updated'],
    ['projects.list', { sort: 'createdAt' }, 'project_live_by_created'],
    ['projects.list', { sort: 'name' }, 'project_live_by_name'],
    ['projects.list', { sort: 'stage' }, 'project_live_by_stage_order'],
    ['projects.list', { sort: 'investment', order: 'asc' }, 'project_live_by_investment'],
    ['projects.list', { stage: 'signed' }, 'project_live_by_stage'],
    ['projects.list', { industry: '健康医药' }, 'project_live_by_industry'],
    ['projects.list', { targetCity: '贵阳市' }, 'project_live_by_city'],
    ['projects.list', { ownerUserId: 'u1' }, 'project_live_by_owner'],
    ['projects.list', { companyId: '01930000-0000-7000-8000-000000000001' }, 'project_live_by_company'],
  ])('%s %j reads %s without sorting', async (method, input, index) => {
    const plans = await plansOf(run(method, input as never));
    const plan = listPlan(plans);
    expect(plan).toContain(`INDEX ${index}`);
    expect(plan).not.toContain('TEMP B-TREE');
    expect(fullScans(plans)).toEqual([]);
  });

  it('a count reads index entries, not rows', async () => {
    for (const [method, input] of [
      ['companies.list', { industry: '健康医药' }],
      ['visits.list', {}],
      ['visits.list', { kind: 'door_visit' }],
      ['projects.list', { stage: 'lead' }],
    ] as const) {
      const count = (await plansOf(run(method, input))).find(({ sql }) => sql.includes('count(*) AS total'));
      expect(count?.plan.join('\n'), `${method} ${JSON.stringify(input)}`).toMatch(/USING COVERING INDEX \w+_live_by_/);
    }
  });
});

describe('every other handler query uses an index', () => {
  it.each<[string, (probe: FeatureTest, seeded: Seeded) => Promise<unknown>]>([
    ['creating and linking records', async () => undefined],
    ['companies.get', (probe, { companyId }) => probe.call('companies.get', { id: companyId })],
    ['companies.checkDuplicate', (probe) => probe.call('companies.checkDuplicate', { name: '华为', creditCode: VALID_CODE })],
    ['companies.update', (probe, { companyId }) => probe.call('companies.update', { id: companyId, patch: { name: '华为技术有限公司', creditCode: VALID_CODE } })],
    ['contacts.listByCompany', (probe, { companyId }) => probe.call('contacts.listByCompany', { companyId })],
    ['search.query by name', (probe) => probe.call('search.query', { q: '华' })],
    ['search.query by credit code', (probe) => probe.call('search.query', { q: '9144030019' })],
    ['tasks.list week', (probe) => probe.call('tasks.list', { today: '2026-11-27', view: 'week' })],
    ['tasks.list done', (probe) => probe.call('tasks.list', { today: '2026-11-27', view: 'done' })],
    ['records.history', (probe, { companyId }) => probe.call('records.history', { id: companyId })],
    [
      'records.delete and restore',
      async (probe, { companyId }) => {
        await probe.call('records.delete', { kind: 'company', id: companyId });
        await probe.call('records.restore', { kind: 'company', id: companyId });
      },
    ],
    ['projects.moveStage and get', (probe, { projectId }) => probe.call('projects.moveStage', { id: projectId, to: 'negotiating' })],
  ])('%s', async (_label, steps) => {
    const plans = await plansOf(steps);
    expect(plans.length).toBeGreaterThan(0);
    expect(fullScans(plans)).toEqual([]);
  });

  it('the company page walks field_history_by_row and the credit-code search is a range on its index', async () => {
    const page = await plansOf((probe, { companyId }) => probe.call('companies.get', { id: companyId }));
    expect(page.find(({ sql }) => sql.includes('FROM field_history') && sql.includes('UNION ALL'))?.plan.join('\n')).toContain('field_history_by_row');
    const search = await plansOf(run('search.query', { q: '9144030019' }));
    expect(search.find(({ sql }) => sql.includes('credit_code >='))?.plan.join('\n')).toContain('INDEX company_credit_code (credit_code>? AND credit_code<?)');
  });
});
