import type { CompanyRecord } from '../../../shared/contract';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';
import { createRow, updateRow } from '../../store/writer';
import { notFound, requireLive } from '../common/records';
import { assertCodeFree, assertNameConfirmed, checkDuplicate } from './duplicates';
import { listCompanies } from './list';
import { COMPANY_COLUMNS, companyColumns, toCompanyRecord, type CompanyRow } from './mapping';
import { companyPage } from './page';

export function readCompany(db: Db, id: string): CompanyRecord {
  const row = statement(db, `SELECT ${COMPANY_COLUMNS} FROM company WHERE id = ?`).get(id) as CompanyRow | undefined;
  if (!row) throw notFound('企业不存在');
  return toCompanyRecord(row);
}

export const companyHandlers: FeatureHandlers<'companies.list' | 'companies.create' | 'companies.update' | 'companies.checkDuplicate' | 'companies.get'> = {
  'companies.list': (input, { db }) => listCompanies(db, input),

  'companies.create': ({ confirmSimilarName, ...fields }, { db, actor }) => {
    const columns = companyColumns(fields);
    const id = db.transaction(() => {
      if (fields.creditCode) assertCodeFree(db, fields.creditCode);
      assertNameConfirmed(db, columns.name_norm as string, confirmSimilarName);
      return createRow(db, actor, 'company', columns);
    })();
    return readCompany(db, id);
  },

  'companies.update': ({ id, patch, confirmSimilarName }, { db, actor }) => {
    db.transaction(() => {
      const current = requireLive(db, 'company', id, '企业不存在或已删除') as unknown as CompanyRow;
      const columns = companyColumns(patch);
      // Only what changes is checked: a company that already shares a code or a
      // look-alike name (e.g. both logged offline) can still have its notes edited.
      if (patch.creditCode && patch.creditCode !== current.credit_code) assertCodeFree(db, patch.creditCode, id);
      if (columns.name_norm !== undefined && columns.name_norm !== current.name_norm) {
        assertNameConfirmed(db, columns.name_norm as string, confirmSimilarName, id);
      }
      updateRow(db, actor, 'company', id, columns);
    })();
    return readCompany(db, id);
  },

  'companies.checkDuplicate': (input, { db }) => checkDuplicate(db, input),

  'companies.get': ({ id }, { db }) => companyPage(db, id),
};
