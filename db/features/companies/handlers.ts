import { normalizeCompanyName } from '../../../shared/domain/names';
import type { CompanySummary } from '../../../shared/contract';
import type { FeatureHandlers } from '../../rpc/types';
import { createRow } from '../../store/writer';

interface CompanyRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

function toSummary(row: CompanyRow): CompanySummary {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

export const companyHandlers: FeatureHandlers<'companies.list' | 'companies.create'> = {
  'companies.list': ({ limit, offset }, { db }) => {
    const rows = db
      .prepare('SELECT id, name, created_at, updated_at FROM company WHERE deleted = 0 ORDER BY created_at DESC, id LIMIT ? OFFSET ?')
      .all(limit, offset) as CompanyRow[];
    const { total } = db.prepare('SELECT count(*) AS total FROM company WHERE deleted = 0').get() as { total: number };
    return { items: rows.map(toSummary), total };
  },

  'companies.create': ({ name }, { db, actor }) => {
    const id = createRow(db, actor, 'company', { name, name_norm: normalizeCompanyName(name) });
    return toSummary(db.prepare('SELECT id, name, created_at, updated_at FROM company WHERE id = ?').get(id) as CompanyRow);
  },
};
