import type { z } from 'zod';
import type { companyInput, CompanyRecord, CompanyRef, CompanySummary } from '../../../shared/contract';
import type { CompanyScale } from '../../../shared/domain/reference';
import { normalizeCompanyName } from '../../../shared/domain/names';
import type { RowValues } from '../../store/entities';
import { recordMeta, stringList, type MetaRow } from '../common/records';

export interface CompanyRow extends MetaRow {
  name: string;
  name_norm: string;
  credit_code: string | null;
  aliases: string;
  industry: string | null;
  district: string | null;
  address: string | null;
  scale: string | null;
  is_fortune500: number;
  is_listed: number;
  lead_source: string | null;
  tags: string;
  notes: string | null;
}

export const COMPANY_COLUMNS =
  'id, created_at, updated_at, deleted, owner_user_id, team_id, name, name_norm, credit_code, aliases, industry, district, address, scale, is_fortune500, is_listed, lead_source, tags, notes';

export function toCompanyRecord(row: CompanyRow): CompanyRecord {
  return {
    ...recordMeta(row),
    name: row.name,
    creditCode: row.credit_code,
    aliases: stringList(row.aliases),
    industry: row.industry,
    district: row.district,
    address: row.address,
    scale: row.scale as CompanyScale | null,
    isFortune500: row.is_fortune500 === 1,
    isListed: row.is_listed === 1,
    leadSource: row.lead_source,
    tags: stringList(row.tags),
    notes: row.notes,
  };
}

export type SummaryRow = Pick<CompanyRow, 'id' | 'name' | 'credit_code' | 'industry' | 'district' | 'created_at' | 'updated_at'>;
export const SUMMARY_COLUMNS = 'id, name, credit_code, industry, district, created_at, updated_at';

export function toCompanySummary(row: SummaryRow): CompanySummary {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    industry: row.industry,
    district: row.district,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type RefRow = Pick<CompanyRow, 'id' | 'name' | 'credit_code'>;

export function toCompanyRef(row: RefRow): CompanyRef {
  return { id: row.id, name: row.name, creditCode: row.credit_code };
}

/** Parsed input fields → columns; `name_norm` follows `name` wherever a name is written. */
/** Company fields as the contract's schema hands them over (trimmed, validated, normalised). */
export type CompanyFields = z.output<typeof companyInput>;

export function companyColumns(input: Partial<CompanyFields>): RowValues<'company'> {
  const columns: RowValues<'company'> = {
    name: input.name,
    credit_code: input.creditCode,
    aliases: input.aliases,
    industry: input.industry,
    district: input.district,
    address: input.address,
    scale: input.scale,
    is_fortune500: input.isFortune500,
    is_listed: input.isListed,
    lead_source: input.leadSource,
    tags: input.tags,
    notes: input.notes,
  };
  if (input.name !== undefined) columns.name_norm = normalizeCompanyName(input.name);
  return columns;
}
