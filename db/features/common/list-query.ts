/**
 * Paged list queries built from fixed pieces: sort keys map to ORDER BY terms through a
 * whitelist, filters to `column = ?` with bound values. No user text is ever spliced
 * into SQL.
 */
export type Direction = 'ASC' | 'DESC';

/** ORDER BY terms for the ascending order; descending flips every term, so it is the exact reverse. */
export type SortTerms = readonly (readonly [column: string, direction: Direction])[];

export function orderBy(terms: SortTerms, order: 'asc' | 'desc'): string {
  const flip = (direction: Direction): Direction => (direction === 'ASC' ? 'DESC' : 'ASC');
  return terms.map(([column, direction]) => `${column} ${order === 'asc' ? direction : flip(direction)}`).join(', ');
}

export interface Where {
  sql: string;
  params: unknown[];
}

/** Joins the conditions whose value is given; `conditions` are fixed SQL with one `?` each. */
export function where(always: string, conditions: readonly (readonly [sql: string, value: unknown])[]): Where {
  const given = conditions.filter(([, value]) => value !== undefined && value !== null);
  return {
    sql: [always, ...given.map(([sql]) => sql)].join(' AND '),
    params: given.map(([, value]) => value),
  };
}
