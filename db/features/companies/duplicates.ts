import type { DuplicateCheck } from '../../../shared/contract';
import { normalizeCreditCode, validateCreditCode } from '../../../shared/domain/credit-code';
import { normalizeCompanyName } from '../../../shared/domain/names';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { toCompanyRef, type RefRow } from './mapping';

/** More than this many look-alikes is noise; the form shows the first few. */
const MAX_SIMILAR = 10;
const SHOWN_IN_MESSAGE = 3;
const NO_ID = '';

/** A live company other than `excludeId` holding this (normalised) credit code. */
export function findSameCode(db: Db, creditCode: string, excludeId: string = NO_ID): RefRow | undefined {
  return statement(db, 'SELECT id, name, credit_code FROM company WHERE credit_code = ? AND deleted = 0 AND id <> ? ORDER BY created_at LIMIT 1').get(
    creditCode,
    excludeId,
  ) as RefRow | undefined;
}

/** Live companies other than `excludeId` whose names share the matching key. */
export function findSimilarNames(db: Db, nameNorm: string, excludeId: string = NO_ID): RefRow[] {
  return statement(db, 'SELECT id, name, credit_code FROM company WHERE name_norm = ? AND deleted = 0 AND id <> ? ORDER BY created_at LIMIT ?').all(
    nameNorm,
    excludeId,
    MAX_SIMILAR,
  ) as RefRow[];
}

/** companies.checkDuplicate: what saving would run into, without writing. */
export function checkDuplicate(db: Db, input: { name?: string | undefined; creditCode?: string | undefined; excludeId?: string | undefined }): DuplicateCheck {
  const code = input.creditCode?.trim() ? validateCreditCode(normalizeCreditCode(input.creditCode)) : null;
  const sameCode = code?.ok ? findSameCode(db, code.value, input.excludeId) : undefined;
  const name = input.name?.trim();
  const similar = name ? findSimilarNames(db, normalizeCompanyName(name), input.excludeId) : [];
  return { sameCode: sameCode ? toCompanyRef(sameCode) : null, similarNames: similar.map(toCompanyRef) };
}

/** Refuses a credit code another live company already has; the detail links to that company. */
export function assertCodeFree(db: Db, creditCode: string, excludeId?: string): void {
  const existing = findSameCode(db, creditCode, excludeId);
  if (!existing) return;
  const message = `统一社会信用代码已被「${existing.name}」使用`;
  throw new AppError('E_COMPANY_DUPLICATE_CODE', message, [{ path: 'creditCode', code: 'E_COMPANY_DUPLICATE_CODE', message, refId: existing.id }]);
}

/** Refuses a name that normalises like a live company's, unless the user has confirmed it is another company. */
export function assertNameConfirmed(db: Db, nameNorm: string, confirmed: boolean, excludeId?: string): void {
  if (confirmed) return;
  const similar = findSimilarNames(db, nameNorm, excludeId);
  if (similar.length === 0) return;
  const shown = similar.slice(0, SHOWN_IN_MESSAGE).map((row) => `「${row.name}」`).join('、');
  const names = similar.length > SHOWN_IN_MESSAGE ? `${shown}等 ${similar.length} 家` : shown;
  const message = `已有名称相近的企业${names}，请确认不是同一家企业后再保存`;
  throw new AppError(
    'E_COMPANY_SIMILAR_NAME',
    message,
    similar.map((row) => ({ path: 'name', code: 'E_COMPANY_SIMILAR_NAME', message: `名称与「${row.name}」相近`, refId: row.id })),
  );
}
