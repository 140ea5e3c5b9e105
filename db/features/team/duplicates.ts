import { createHash } from 'node:crypto';
import { MERGE_FIELDS, type DuplicateCompany, type DuplicateGroup, type DuplicateReason, type MergeField } from '../../../shared/contract/team';
import { normalizeCreditCode } from '../../../shared/domain/credit-code';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { validateMobile } from '../../../shared/domain/phone';
import type { Db } from '../../sql';
import { ENTITIES, fromColumn, type FieldKind } from '../../store/entities';
import { statement } from '../../store/statements';
import { memberNames, nameOf } from './members';

/**
 * Companies that look like one across members (DESIGN §5): the same credit code (after
 * width and case folding), names — or aliases — that normalise alike
 * (shared/domain/names.ts), or a contact mobile they share. Related companies form one
 * group (transitively). Pairs the lead has dismissed as different companies are not
 * related. A company of another team is shown, flagged, and never merged by this lead.
 */
interface CompanyRow {
  id: string;
  name: string;
  aliases: string;
  credit_code: string | null;
  owner_user_id: string | null;
  team_id: string | null;
  created_at: string;
  [field: string]: unknown;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** The mobile as one canonical string, or null for anything that is not a mainland mobile. */
function mobileKey(mobile: string | null): string | null {
  if (!mobile) return null;
  const result = validateMobile(mobile);
  return result.ok ? result.value : null;
}

/**
 * HOOK for the platform (issue #4): companies another team courts that this device has no
 * row for — e.g. a platform endpoint answering "which of these credit codes does another
 * team hold?". Until the platform client exists, only companies pulled from the platform
 * under another team's id (rows in this database) are known, and those are found below.
 */
export type OtherTeamInterest = (companies: readonly { id: string; creditCode: string | null; nameKey: string }[]) => ReadonlySet<string>;
export const noPlatformInterest: OtherTeamInterest = () => new Set();

export function findDuplicateGroups(db: Db, options: { includeDismissed?: boolean; otherTeamInterest?: OtherTeamInterest } = {}): DuplicateGroup[] {
  const companies = statement(db, 'SELECT * FROM company WHERE deleted = 0 ORDER BY created_at, id').all() as CompanyRow[];
  const byId = new Map(companies.map((company) => [company.id, company]));
  const dismissed = options.includeDismissed ? new Set<string>() : new Set(statement(db, 'SELECT pair_key FROM duplicate_dismissal').pluck().all() as string[]);
  const groups = new UnionFind();
  const reasonsByPair = new Map<string, Set<DuplicateReason>>();
  const relate = (ids: readonly string[], reason: DuplicateReason): void => {
    for (let i = 1; i < ids.length; i++) {
      for (let j = 0; j < i; j++) {
        const key = pairKey(ids[i]!, ids[j]!);
        if (dismissed.has(key)) continue;
        groups.union(ids[i]!, ids[j]!);
        const reasons = reasonsByPair.get(key) ?? new Set<DuplicateReason>();
        reasons.add(reason);
        reasonsByPair.set(key, reasons);
      }
    }
  };
  const bucket = (keyOf: (company: CompanyRow) => string[], reason: DuplicateReason): void => {
    const buckets = new Map<string, string[]>();
    for (const company of companies) {
      for (const key of new Set(keyOf(company))) {
        const ids = buckets.get(key);
        if (ids) ids.push(company.id);
        else buckets.set(key, [company.id]);
      }
    }
    for (const ids of buckets.values()) if (ids.length > 1 && ids.length <= 50) relate(ids, reason);
  };
  bucket((company) => (company.credit_code?.trim() ? [normalizeCreditCode(company.credit_code)] : []), 'creditCode');
  bucket((company) => [company.name, ...(JSON.parse(company.aliases) as string[])].map(normalizeCompanyName).filter((key) => key.length >= 2), 'name');

  const mobiles = statement(db, 'SELECT company_id, mobile FROM contact WHERE deleted = 0 AND mobile IS NOT NULL').all() as { company_id: string; mobile: string }[];
  const byMobile = new Map<string, Set<string>>();
  for (const { company_id, mobile } of mobiles) {
    const key = mobileKey(mobile);
    if (!key || !byId.has(company_id)) continue;
    byMobile.set(key, (byMobile.get(key) ?? new Set()).add(company_id));
  }
  for (const ids of byMobile.values()) if (ids.size > 1 && ids.size <= 50) relate([...ids], 'mobile');

  if (reasonsByPair.size === 0) return [];
  const members = new Map<string, CompanyRow[]>();
  for (const company of companies) {
    const root = groups.find(company.id);
    const group = members.get(root);
    if (group) group.push(company);
    else members.set(root, [company]);
  }
  const leadTeam = statement(db, "SELECT value FROM meta WHERE key = 'team_id'").pluck().get() as string | undefined;
  const names = memberNames(db);
  const interest = (options.otherTeamInterest ?? noPlatformInterest)(companies.map((c) => ({ id: c.id, creditCode: c.credit_code, nameKey: normalizeCompanyName(c.name) })));
  const result: DuplicateGroup[] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const reasons = new Set<DuplicateReason>();
    for (let i = 1; i < group.length; i++) for (let j = 0; j < i; j++) for (const reason of reasonsByPair.get(pairKey(group[i]!.id, group[j]!.id)) ?? []) reasons.add(reason);
    const shown = group.map((company) => toDuplicateCompany(db, company, names, leadTeam ?? null, interest));
    result.push({
      key: createHash('sha256').update(group.map((company) => company.id).sort().join('|')).digest('hex').slice(0, 16),
      reasons: (['creditCode', 'name', 'mobile'] as const).filter((reason) => reasons.has(reason)),
      companies: shown,
      crossMember: new Set(group.map((company) => company.owner_user_id)).size > 1,
      otherTeamCourting: shown.some((company) => company.otherTeam),
    });
  }
  return result;
}

function toDuplicateCompany(db: Db, row: CompanyRow, names: ReadonlyMap<string, string>, leadTeam: string | null, interest: ReadonlySet<string>): DuplicateCompany {
  const count = (table: string, extra = '') => statement(db, `SELECT count(*) FROM ${table} WHERE company_id = ? AND deleted = 0 ${extra}`).pluck().get(row.id) as number;
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    ownerUserId: row.owner_user_id,
    ownerName: nameOf(names, row.owner_user_id),
    teamId: row.team_id,
    otherTeam: (leadTeam !== null && row.team_id !== null && row.team_id !== leadTeam) || interest.has(row.id),
    createdAt: row.created_at,
    counts: { contacts: count('contact'), visits: count('visit'), projects: count('project'), tasks: count('task') },
    values: companyValues(row),
  };
}

export function companyValues(row: Record<string, unknown>): Record<MergeField, unknown> {
  const kinds = ENTITIES.company.fields as Record<string, FieldKind>;
  return Object.fromEntries(MERGE_FIELDS.map((field) => [field, fromColumn(kinds[field]!, row[field])])) as Record<MergeField, unknown>;
}

/** "These are different companies": every pair among them stops being related. */
export function dismissDuplicate(db: Db, companyIds: readonly string[], now: Date): number {
  let dismissed = 0;
  db.transaction(() => {
    const insert = statement(db, 'INSERT INTO duplicate_dismissal (pair_key, dismissed_at) VALUES (?, ?) ON CONFLICT (pair_key) DO NOTHING');
    for (let i = 1; i < companyIds.length; i++) for (let j = 0; j < i; j++) dismissed += insert.run(pairKey(companyIds[i]!, companyIds[j]!), now.toISOString()).changes;
  })();
  return dismissed;
}
