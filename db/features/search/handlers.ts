import type { SearchHit } from '../../../shared/contract';
import { normaliseSearchQuery } from '../../../shared/domain/search-keys';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { matchExpression } from '../../store/search-index';
import { statement } from '../../store/statements';

interface FtsRow {
  kind: SearchHit['kind'];
  row_id: string;
  company_id: string;
}

/**
 * Newest documents first (`ORDER BY rowid DESC`), never by rank: ranking reads every
 * match, and a one-character query matches a large share of the index.
 */
const FTS_SQL = 'SELECT kind, row_id, company_id FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?';

/** A range on the credit_code index; every code character sorts below U+FFFF. */
const CREDIT_CODE_SQL = `SELECT id FROM company WHERE credit_code >= ? AND credit_code < ? AND deleted = 0 ORDER BY credit_code LIMIT ?`;

function companyHit(db: Db, id: string): SearchHit | undefined {
  const row = statement(db, 'SELECT name, district, industry FROM company WHERE id = ? AND deleted = 0').get(id) as
    | { name: string; district: string | null; industry: string | null }
    | undefined;
  if (!row) return undefined;
  const subtitle = [row.district, row.industry].filter((part): part is string => Boolean(part)).join(' · ');
  return { kind: 'company', id, companyId: id, title: row.name, subtitle: subtitle || null };
}

function childHit(db: Db, kind: 'contact' | 'project', id: string): SearchHit | undefined {
  const sql =
    kind === 'contact'
      ? 'SELECT x.name, x.company_id, c.name AS company_name FROM contact x JOIN company c ON c.id = x.company_id WHERE x.id = ? AND x.deleted = 0'
      : 'SELECT x.name, x.company_id, c.name AS company_name FROM project x JOIN company c ON c.id = x.company_id WHERE x.id = ? AND x.deleted = 0';
  const row = statement(db, sql).get(id) as { name: string; company_id: string; company_name: string } | undefined;
  return row && { kind, id, companyId: row.company_id, title: row.name, subtitle: row.company_name };
}

export function search(db: Db, q: string, limit: number): SearchHit[] {
  const query = normaliseSearchQuery(q);
  if (query.kind === 'empty') return [];
  const hits = new Map<string, SearchHit>();
  const add = (hit: SearchHit | undefined) => {
    if (hit && hits.size < limit && !hits.has(hit.id)) hits.set(hit.id, hit);
  };

  if (query.creditCodePrefix) {
    const rows = statement(db, CREDIT_CODE_SQL).all(query.creditCodePrefix, `${query.creditCodePrefix}\uffff`, limit) as { id: string }[];
    for (const row of rows) add(companyHit(db, row.id));
  }
  const expression = matchExpression(query);
  if (expression !== null && hits.size < limit) {
    for (const row of statement(db, FTS_SQL).all(expression, limit) as FtsRow[]) {
      add(row.kind === 'company' ? companyHit(db, row.row_id) : childHit(db, row.kind, row.row_id));
    }
  }
  return [...hits.values()];
}

export const searchHandlers: FeatureHandlers<'search.query'> = {
  'search.query': ({ q, limit }, { db }) => ({ items: search(db, q, limit) }),
};
