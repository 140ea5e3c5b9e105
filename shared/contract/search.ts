import { z } from 'zod';
import { method } from './define';

export interface SearchHit {
  kind: 'company' | 'contact' | 'project';
  id: string;
  /** The company the hit belongs to (itself for a company): where clicking leads. */
  companyId: string;
  title: string;
  subtitle: string | null;
}

export const searchContract = {
  /** Any Chinese substring (1+ characters), full pinyin or initials, or a credit-code prefix. */
  'search.query': method<{ items: SearchHit[] }>()(
    z
      .object({
        q: z.string().max(200, '搜索内容过长'),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
  ),
};
