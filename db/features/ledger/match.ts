/**
 * Who a ledger row is about: the company (by credit code, else by normalised name) and
 * its project (by normalised project name within that company), whether they exist in
 * the database or were met earlier in the same file.
 */
import { normalizeCompanyName } from '../../../shared/domain/names';
import type { Db } from '../../sql';
import { newRowId } from './ids';
import { statement } from '../../store/statements';

export interface ProjectState {
  id: string;
  isNew: boolean;
  /** The project's columns as they will be once the rows planned so far are applied. */
  columns: Record<string, unknown>;
  fundsYuan: number;
  /** Spreadsheet row (1-based) that first named this project in the file; null if only in the database. */
  row: number | null;
}

export interface CompanyState {
  id: string;
  isNew: boolean;
  name: string;
  creditCode: string | null;
  district: string | null;
  projects: Map<string, ProjectState> | null;
  contacts: Set<string> | null;
}

interface CompanyRow {
  id: string;
  name: string;
  credit_code: string | null;
  district: string | null;
}

export type CompanyMatch =
  | { kind: 'found'; company: CompanyState }
  | { kind: 'none'; nameKey: string }
  | { kind: 'conflict'; field: 'creditCode' | 'companyName'; message: string };

/** The key projects of one company are matched by: width, case, spaces and punctuation ignored. */
export function projectKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

export class Matcher {
  private readonly byId = new Map<string, CompanyState>();
  private readonly byCode = new Map<string, CompanyState>();
  private readonly byName = new Map<string, CompanyState>();

  constructor(private readonly db: Db) {}

  /** Credit code first; a name alone must point at exactly one live company. */
  findCompany(name: string, creditCode: string | undefined): CompanyMatch {
    const nameKey = normalizeCompanyName(name);
    if (creditCode) {
      const known = this.byCode.get(creditCode) ?? this.load(statement(this.db, 'SELECT id, name, credit_code, district FROM company WHERE credit_code = ? AND deleted = 0 ORDER BY created_at LIMIT 1').get(creditCode) as CompanyRow | undefined);
      if (known) return { kind: 'found', company: known };
    }
    const sameName = this.byName.get(nameKey);
    const candidates = sameName
      ? [sameName]
      : (statement(this.db, 'SELECT id, name, credit_code, district FROM company WHERE name_norm = ? AND deleted = 0 ORDER BY created_at LIMIT 3').all(nameKey) as CompanyRow[]).map((row) => this.load(row)!);
    if (candidates.length === 0) return { kind: 'none', nameKey };
    if (candidates.length > 1 && !creditCode) {
      return { kind: 'conflict', field: 'companyName', message: `已有 ${candidates.length} 家名称相同或相近的企业（${candidates.map((c) => `“${c.name}”`).join('、')}），请填写统一社会信用代码以区分` };
    }
    const company = candidates[0]!;
    if (creditCode && company.creditCode && company.creditCode !== creditCode) {
      if (candidates.length > 1) return { kind: 'none', nameKey };
      return { kind: 'conflict', field: 'creditCode', message: `企业“${company.name}”已登记的统一社会信用代码为 ${company.creditCode}，与本行不同；如确为另一家企业，请先在系统中区分名称` };
    }
    return { kind: 'found', company };
  }

  /** A company this file introduces; later rows find it by its code and name. */
  addNew(name: string, nameKey: string, creditCode: string | null, district: string | null): CompanyState {
    const company: CompanyState = { id: newRowId(), isNew: true, name, creditCode, district, projects: new Map(), contacts: new Set() };
    this.remember(company, nameKey);
    return company;
  }

  /** The code a planned patch gives an existing company, so later rows find it by the code too. */
  noteCode(company: CompanyState, creditCode: string): void {
    company.creditCode = creditCode;
    this.byCode.set(creditCode, company);
  }

  /** A live company other than `excludeId` (or a company new in this file) holding the code. */
  codeTaken(creditCode: string, excludeId: string): string | null {
    const inFile = this.byCode.get(creditCode);
    if (inFile && inFile.id !== excludeId) return inFile.name;
    const row = statement(this.db, 'SELECT name FROM company WHERE credit_code = ? AND deleted = 0 AND id <> ? LIMIT 1').get(creditCode, excludeId) as { name: string } | undefined;
    return row?.name ?? null;
  }

  projects(company: CompanyState): Map<string, ProjectState> {
    if (!company.projects) {
      company.projects = new Map();
      const rows = statement(
        this.db,
        `SELECT p.*, (SELECT coalesce(sum(amount_yuan), 0) FROM funds_entry f WHERE f.project_id = p.id AND f.deleted = 0) AS funds_yuan
         FROM project p WHERE p.company_id = ? AND p.deleted = 0 ORDER BY p.created_at`,
      ).all(company.id) as (Record<string, unknown> & { id: string; name: string; funds_yuan: number })[];
      for (const row of rows) {
        const key = projectKey(row.name);
        if (!company.projects.has(key)) company.projects.set(key, { id: row.id, isNew: false, columns: row, fundsYuan: row.funds_yuan, row: null });
      }
    }
    return company.projects;
  }

  contacts(company: CompanyState): Set<string> {
    if (!company.contacts) {
      const names = statement(this.db, 'SELECT name FROM contact WHERE company_id = ? AND deleted = 0').pluck().all(company.id) as string[];
      company.contacts = new Set(names.map(contactKey));
    }
    return company.contacts;
  }

  private load(row: CompanyRow | undefined): CompanyState | undefined {
    if (!row) return undefined;
    const cached = this.byId.get(row.id);
    if (cached) return cached;
    const company: CompanyState = { id: row.id, isNew: false, name: row.name, creditCode: row.credit_code, district: row.district, projects: null, contacts: null };
    this.remember(company, normalizeCompanyName(row.name));
    return company;
  }

  private remember(company: CompanyState, nameKey: string): void {
    this.byId.set(company.id, company);
    if (company.creditCode) this.byCode.set(company.creditCode, company);
    if (!this.byName.has(nameKey)) this.byName.set(nameKey, company);
  }
}

export function contactKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
