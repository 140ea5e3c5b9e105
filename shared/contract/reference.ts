import { z } from 'zod';
import { method } from './define';

export interface ReferenceData {
  /** The editable, versioned list of key industries. */
  industries: { version: number; items: string[] };
  shenzhenDistricts: string[];
  guangdongCities: string[];
  guizhouDivisions: string[];
}

export const referenceContract = {
  'reference.get': method<ReferenceData>()(z.object({}).strict()),
  /** Saves a new version of the industry list; `baseVersion` guards against overwriting someone else's edit. */
  'reference.saveIndustries': method<ReferenceData['industries']>()(
    z
      .object({
        baseVersion: z.number().int().min(1),
        items: z.array(z.string().trim().min(1).max(50)).min(1, '至少保留一个行业').max(100),
      })
      .strict(),
  ),
};
