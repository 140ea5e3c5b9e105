import { v7 as uuidv7 } from 'uuid';
import type { CompanySummary } from '../../../shared/contract';
import type { FeatureHandlers } from '../../rpc/types';

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

  'companies.create': ({ name }, { db, now }) => {
    const stamp = now().toISOString();
    const row: CompanyRow = { id: uuidv7(), name, created_at: stamp, updated_at: stamp };
    db.prepare('INSERT INTO company (id, name, created_at, updated_at) VALUES (@id, @name, @created_at, @updated_at)').run(row);
    return toSummary(row);
  },
};
