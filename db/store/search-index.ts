import { normalizeCompanyName } from '../../shared/domain/names';
import { searchKeysFor, type SearchQuery } from '../../shared/domain/search-keys';
import type { Db } from '../sql';
import type { EntityName } from './entities';
import { statement } from './statements';

/** The entities one search box finds. */
export type SearchKind = 'company' | 'contact' | 'project';
const SEARCHABLE: ReadonlySet<EntityName> = new Set<EntityName>(['company', 'contact', 'project']);

const HAN = /\p{Script=Han}/u;
const TOKEN_RUN = /\p{Script=Han}|[a-z0-9]+/gu;

/**
 * FTS terms for some texts: every Chinese character is its own token (so a phrase query
 * matches any substring, one character or many), latin/digit runs are tokens, and each
 * text adds its full pinyin and its pinyin initials as tokens (prefix-matched).
 */
export function searchTerms(texts: readonly (string | null | undefined)[]): string {
  const tokens: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const keys = searchKeysFor(text);
    tokens.push(...(keys.full.match(TOKEN_RUN) ?? []));
    if (HAN.test(keys.full)) tokens.push(keys.pinyinFull, keys.pinyinInitials);
  }
  return tokens.filter((token) => token !== '').join(' ');
}

/**
 * The FTS5 MATCH expression for a query, or null when nothing searchable is left.
 * Only characters of the token alphabet survive, each term is double-quoted, so quotes,
 * `*`, `NEAR`, `OR` or `%` typed by a user are plain text and never FTS syntax.
 */
export function matchExpression(query: SearchQuery): string | null {
  const parts: string[] = [];
  let hanRun: string[] = [];
  const flush = (): void => {
    if (hanRun.length > 0) parts.push(`"${hanRun.join(' ')}"`);
    hanRun = [];
  };
  for (const token of query.compact.match(TOKEN_RUN) ?? []) {
    if (HAN.test(token)) {
      hanRun.push(token);
    } else {
      flush();
      parts.push(`"${token}"*`);
    }
  }
  flush();
  return parts.length > 0 ? parts.join(' ') : null;
}

interface DocSource {
  deleted: number;
  company_id: string | null;
  texts: (string | null)[];
}

function docSource(db: Db, entity: SearchKind, id: string): DocSource | undefined {
  switch (entity) {
    case 'company': {
      const row = statement(db, 'SELECT name, aliases, deleted FROM company WHERE id = ?').get(id) as { name: string; aliases: string; deleted: number } | undefined;
      if (!row) return undefined;
      const aliases = JSON.parse(row.aliases) as string[];
      return { deleted: row.deleted, company_id: id, texts: [row.name, normalizeCompanyName(row.name), ...aliases] };
    }
    case 'contact': {
      const row = statement(db, 'SELECT name, title, company_id, deleted FROM contact WHERE id = ?').get(id) as
        | { name: string; title: string | null; company_id: string; deleted: number }
        | undefined;
      return row && { deleted: row.deleted, company_id: row.company_id, texts: [row.name, row.title] };
    }
    case 'project': {
      const row = statement(db, 'SELECT name, company_id, deleted FROM project WHERE id = ?').get(id) as { name: string; company_id: string; deleted: number } | undefined;
      return row && { deleted: row.deleted, company_id: row.company_id, texts: [row.name] };
    }
  }
}

/** Brings the row's search document up to date (removed when the row is deleted). */
export function reindexRow(db: Db, entity: EntityName, id: string): void {
  if (!SEARCHABLE.has(entity)) return;
  const existing = statement(db, 'SELECT fts_rowid FROM search_doc WHERE row_id = ?').get(id) as { fts_rowid: number } | undefined;
  if (existing) {
    statement(db, 'DELETE FROM search_fts WHERE rowid = ?').run(existing.fts_rowid);
    statement(db, 'DELETE FROM search_doc WHERE row_id = ?').run(id);
  }
  const source = docSource(db, entity as SearchKind, id);
  if (!source || source.deleted === 1) return;
  const { lastInsertRowid } = statement(db, 'INSERT INTO search_fts (kind, row_id, company_id, terms) VALUES (?, ?, ?, ?)').run(
    entity,
    id,
    source.company_id,
    searchTerms(source.texts),
  );
  statement(db, 'INSERT INTO search_doc (row_id, fts_rowid) VALUES (?, ?)').run(id, Number(lastInsertRowid));
}
