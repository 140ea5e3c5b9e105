import type { ContactRecord } from '../../../shared/contract';
import { recordMeta, type MetaRow } from '../common/records';

export interface ContactRow extends MetaRow {
  company_id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  notes: string | null;
}

export const CONTACT_COLUMNS = 'id, created_at, updated_at, deleted, owner_user_id, team_id, company_id, name, title, mobile, phone, email, wechat, notes';

export function toContactRecord(row: ContactRow): ContactRecord {
  return {
    ...recordMeta(row),
    companyId: row.company_id,
    name: row.name,
    title: row.title,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    notes: row.notes,
  };
}
