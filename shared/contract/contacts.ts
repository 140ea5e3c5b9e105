import { z } from 'zod';
import { method } from './define';
import { emailField, mobileField, optionalText, phoneField, requiredText, rowId, type RecordMeta } from './fields';

const contactFields = {
  companyId: rowId,
  name: requiredText(50, '联系人姓名'),
  title: optionalText(50, '职务'),
  mobile: mobileField,
  phone: phoneField,
  email: emailField,
  wechat: optionalText(50, '微信'),
  notes: optionalText(2000, '备注'),
};

export interface ContactRecord extends RecordMeta {
  companyId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  notes: string | null;
}

export const contactsContract = {
  'contacts.create': method<ContactRecord>()(z.object(contactFields).strict()),
  'contacts.update': method<ContactRecord>()(z.object({ id: rowId, patch: z.object(contactFields).omit({ companyId: true }).partial().strict() }).strict()),
  'contacts.listByCompany': method<ContactRecord[]>()(z.object({ companyId: rowId }).strict()),
};
