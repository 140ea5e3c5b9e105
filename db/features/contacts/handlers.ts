import type { ContactRecord } from '../../../shared/contract';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';
import { createRow, updateRow } from '../../store/writer';
import { notFound, requireLive, requireLiveCompany } from '../common/records';
import { CONTACT_COLUMNS, toContactRecord, type ContactRow } from './mapping';

function readContact(db: Db, id: string): ContactRecord {
  const row = statement(db, `SELECT ${CONTACT_COLUMNS} FROM contact WHERE id = ?`).get(id) as ContactRow | undefined;
  if (!row) throw notFound('联系人不存在');
  return toContactRecord(row);
}

export const contactHandlers: FeatureHandlers<'contacts.create' | 'contacts.update' | 'contacts.listByCompany'> = {
  'contacts.create': (input, { db, actor }) => {
    const id = db.transaction(() => {
      requireLiveCompany(db, input.companyId);
      return createRow(db, actor, 'contact', {
        company_id: input.companyId,
        name: input.name,
        title: input.title,
        mobile: input.mobile,
        phone: input.phone,
        email: input.email,
        wechat: input.wechat,
        notes: input.notes,
      });
    })();
    return readContact(db, id);
  },

  'contacts.update': ({ id, patch }, { db, actor }) => {
    db.transaction(() => {
      requireLive(db, 'contact', id, '联系人不存在或已删除');
      updateRow(db, actor, 'contact', id, {
        name: patch.name,
        title: patch.title,
        mobile: patch.mobile,
        phone: patch.phone,
        email: patch.email,
        wechat: patch.wechat,
        notes: patch.notes,
      });
    })();
    return readContact(db, id);
  },

  'contacts.listByCompany': ({ companyId }, { db }) => {
    requireLiveCompany(db, companyId);
    const rows = statement(db, `SELECT ${CONTACT_COLUMNS} FROM contact WHERE company_id = ? AND deleted = 0 ORDER BY created_at, id`).all(companyId) as ContactRow[];
    return rows.map(toContactRecord);
  },
};
