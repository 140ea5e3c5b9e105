import type { PlatformDeps, Principal } from '../../context';

interface LogRow {
  seq: number;
  record: string;
}

/**
 * One page of the change log after `cursor`, scoped to what the caller may read: an admin
 * everything; anyone else their team's rows plus the team-less reference data. Each scope
 * is read off the (team_id, seq) index and the two are merged by seq in the same
 * statement, so a small team in a large province never scans other teams' changes. The page is assembled from the
 * stored records as text, without re-serialising them.
 */
export async function pullPage(deps: PlatformDeps, principal: Principal, cursor: number, limit: number): Promise<string> {
  const { db } = deps.store;
  const base = () => db.selectFrom('change_log').select(['seq', 'record']).where('seq', '>', cursor).orderBy('seq').limit(limit + 1);
  let rows: LogRow[];
  if (principal.role === 'admin') {
    rows = await base().execute();
  } else {
    // One statement, so both scopes come from one snapshot: two separate reads could see a
    // later seq in one scope while missing an earlier one that committed in between.
    const team = base().where('team_id', '=', principal.teamId ?? '');
    const shared = base().where('team_id', 'is', null);
    rows = await db
      .selectFrom(db.selectFrom(team.as('team')).selectAll().unionAll(db.selectFrom(shared.as('shared')).selectAll()).as('scoped'))
      .select(['seq', 'record'])
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
  }
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const nextCursor = page.length > 0 ? page[page.length - 1]!.seq : cursor;
  return `{"changes":[${page.map((row) => row.record).join(',')}],"nextCursor":${nextCursor},"hasMore":${hasMore},"serverTime":${JSON.stringify(deps.now().toISOString())}}`;
}
