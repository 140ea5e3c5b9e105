import { z } from 'zod';
import { method } from './define';

export const companyName = z
  .string({ error: '请输入企业名称' })
  .trim()
  .min(1, '请输入企业名称')
  .max(200, '企业名称不能超过 200 个字');

export interface CompanySummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const companiesContract = {
  'companies.list': method<Page<CompanySummary>>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'companies.create': method<CompanySummary>()(z.object({ name: companyName }).strict()),
};
