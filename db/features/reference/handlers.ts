import type { ReferenceData } from '../../../shared/contract';
import { GUANGDONG_CITIES, GUIZHOU_DIVISIONS, KEY_INDUSTRIES_2018, SHENZHEN_DISTRICTS } from '../../../shared/domain/reference';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';

type Industries = ReferenceData['industries'];

/** meta key of the industry list, stored as JSON `{version, items}`. */
export const INDUSTRIES_KEY = 'industries';

/** Until an admin edits it, the list is the province's 2018 ten key sectors (version 1). */
const DEFAULT_INDUSTRIES: Industries = { version: KEY_INDUSTRIES_2018.version, items: KEY_INDUSTRIES_2018.items.map((item) => item.label) };

export function readIndustries(db: Db): Industries {
  const stored = statement(db, 'SELECT value FROM meta WHERE key = ?').get(INDUSTRIES_KEY) as { value: string } | undefined;
  return stored === undefined ? DEFAULT_INDUSTRIES : (JSON.parse(stored.value) as Industries);
}

export const referenceHandlers: FeatureHandlers<'reference.get' | 'reference.saveIndustries'> = {
  'reference.get': (_input, { db }) => ({
    industries: readIndustries(db),
    shenzhenDistricts: SHENZHEN_DISTRICTS.map((district) => district.name),
    guangdongCities: GUANGDONG_CITIES.map((city) => city.name),
    guizhouDivisions: GUIZHOU_DIVISIONS.map((division) => division.name),
  }),

  /** Optimistic: saving over a version other than the one the editor started from is refused. */
  'reference.saveIndustries': ({ baseVersion, items }, { db }) =>
    db.transaction(() => {
      const current = readIndustries(db);
      if (current.version !== baseVersion) {
        throw new AppError('E_CONFLICT', `行业目录已被修改（当前为第 ${current.version} 版），请刷新后重试`, [{ path: 'baseVersion', code: 'E_CONFLICT', message: '行业目录已被修改' }]);
      }
      const duplicate = items.findIndex((item, index) => items.indexOf(item) !== index);
      if (duplicate >= 0) {
        const message = `行业「${items[duplicate]}」重复`;
        throw new AppError('E_VALIDATION', message, [{ path: `items.${duplicate}`, code: 'E_VALIDATION', message }]);
      }
      const next: Industries = { version: current.version + 1, items };
      statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(INDUSTRIES_KEY, JSON.stringify(next));
      return next;
    })(),
};
