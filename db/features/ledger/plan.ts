/**
 * The dry run: what each parsed row would do to the database, decided row by row in
 * file order, without writing. `applyPlan` then carries out exactly these decisions;
 * the import plans again inside its own transaction, so what it reports is what it did.
 */
import type { LedgerFieldChange, LedgerRowOutcome } from '../../../shared/contract/ledger';
import { formatYuanAuto } from '../../../shared/domain/money';
import { fail } from '../../../shared/domain/messages.zh';
import { checkStageMove, MAIN_STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain/stages';
import { LEDGER_FIELDS, type LedgerFieldKey } from '../../../shared/ledger/fields';
import type { CellProblem, LedgerValues, ParsedLedgerRow } from '../../../shared/ledger/rows';
import type { Db } from '../../sql';
import { newRowId } from './ids';
import type { RowValues } from '../../store/entities';
import { contactKey, Matcher, projectKey, type CompanyState, type ProjectState } from './match';

export const IMPORT_REASON = '台账导入';

export interface PlanOptions {
  /** YYYY-MM-DD: the day stage events without a milestone date carry. */
  today: string;
  /** YYYY-MM-DD: the date new 到位资金 entries carry. */
  fundsAsOf: string;
}

export interface RowPlan {
  outcome: LedgerRowOutcome;
  newCompany?: { id: string; values: RowValues<'company'> };
  companyPatch?: { id: string; patch: RowValues<'company'> };
  contact?: { id: string; values: RowValues<'contact'> };
  projectCreate?: { id: string; values: RowValues<'project'> };
  projectUpdate?: { id: string; patch: RowValues<'project'> };
  stageEvent?: { id: string; values: RowValues<'project_stage_event'> };
  funds?: { id: string; values: RowValues<'funds_entry'> };
}

/** Ledger value → project column; money columns end in _yuan. */
const PROJECT_COLUMNS: readonly (readonly [keyof LedgerValues, string, LedgerFieldKey])[] = [
  ['industry', 'industry', 'industry'],
  ['investmentYuan', 'investment_yuan', 'investment'],
  ['targetCity', 'target_city', 'targetCity'],
  ['targetCounty', 'target_county', 'targetCounty'],
  ['targetPark', 'target_park', 'targetPark'],
  ['signedDate', 'signed_date', 'signedDate'],
  ['signedAmountYuan', 'signed_amount_yuan', 'signedAmount'],
  ['startPlannedDate', 'start_planned_date', 'startPlannedDate'],
  ['startDate', 'start_date', 'startDate'],
  ['productionPlannedDate', 'production_planned_date', 'productionPlannedDate'],
  ['productionDate', 'production_date', 'productionDate'],
  ['agreementNo', 'agreement_no', 'agreementNo'],
  ['expectedJobs', 'expected_jobs', 'expectedJobs'],
  ['expectedOutputYuan', 'expected_output_yuan', 'expectedOutput'],
  ['notes', 'notes', 'notes'],
];

const mainIndex = (stage: Stage): number => (MAIN_STAGES as readonly Stage[]).indexOf(stage);

/** The furthest main stage the milestone dates prove. */
function stageFromDates(values: { productionDate?: unknown; startDate?: unknown; signedDate?: unknown }): Stage {
  if (values.productionDate) return 'producing';
  if (values.startDate) return 'started';
  if (values.signedDate) return 'signed';
  return 'lead';
}

export class LedgerPlanner {
  private readonly matcher: Matcher;

  constructor(db: Db, private readonly options: PlanOptions) {
    this.matcher = new Matcher(db);
  }

  planRow(parsed: ParsedLedgerRow): RowPlan {
    const values = parsed.values;
    const outcome: LedgerRowOutcome = {
      row: parsed.row + 1,
      outcome: 'skipped',
      companyName: values.companyName ?? null,
      projectName: values.projectName ?? null,
      company: null,
      companyId: null,
      projectId: null,
      duplicateOfRow: null,
      changes: [],
      errors: [...parsed.errors],
      warnings: [...parsed.warnings],
    };
    const plan: RowPlan = { outcome };
    if (parsed.kind !== 'data') {
      outcome.warnings.push({ cell: '', field: null, code: 'W_LEDGER_ROW_SKIPPED', message: parsed.kind === 'total' ? '合计行，不导入' : '说明行，不导入' });
      return plan;
    }
    const productionBeforeStart = values.startDate && values.productionDate && values.productionDate < values.startDate;
    if (productionBeforeStart) outcome.errors.push(problem(parsed, 'productionDate', fail('E_STAGE_DATE_ORDER')));
    if (outcome.errors.length > 0) return errorPlan(plan);

    const companyName = values.companyName!;
    const match = this.matcher.findCompany(companyName, values.creditCode);
    if (match.kind === 'conflict') {
      outcome.errors.push({ cell: parsed.cells[match.field] ?? '', field: match.field, code: 'E_LEDGER_COMPANY_CONFLICT', message: match.message });
      return errorPlan(plan);
    }
    const existingCompany = match.kind === 'found' ? match.company : null;
    if (existingCompany) {
      const earlier = this.matcher.projects(existingCompany).get(projectKey(values.projectName!));
      if (earlier?.row != null) {
        outcome.outcome = 'duplicate';
        outcome.duplicateOfRow = earlier.row;
        outcome.companyId = existingCompany.id;
        outcome.projectId = earlier.id;
        outcome.warnings.push({ cell: parsed.cells.projectName ?? '', field: 'projectName', code: 'W_LEDGER_DUPLICATE', message: `与第 ${earlier.row} 行是同一项目，本行不导入` });
        return plan;
      }
    }

    const project = existingCompany ? this.matcher.projects(existingCompany).get(projectKey(values.projectName!)) : undefined;
    const draft = project ? this.planUpdate(parsed, project, plan) : this.planCreate(parsed, plan);
    if (!draft) return errorPlan(plan);

    // The row is valid: from here on it changes (or confirms) the file's picture of the database.
    const company = existingCompany ?? this.newCompany(parsed, match.kind === 'none' ? match.nameKey : '', plan);
    if (existingCompany) this.completeCompany(parsed, existingCompany, plan);
    outcome.company = plan.newCompany ? 'new' : plan.companyPatch ? 'update' : 'existing';
    outcome.companyId = company.id;
    this.planContact(parsed, company, plan);

    if (plan.projectCreate) {
      plan.projectCreate.values.company_id = company.id;
      this.matcher.projects(company).set(projectKey(values.projectName!), draft);
    }
    draft.row = parsed.row + 1;
    outcome.projectId = draft.id;
    this.planFunds(parsed, draft, plan);

    const changed = plan.projectUpdate || plan.stageEvent || plan.funds || plan.contact || plan.companyPatch;
    outcome.outcome = plan.projectCreate ? 'new' : changed ? 'update' : 'unchanged';
    return plan;
  }

  private planCreate(parsed: ParsedLedgerRow, plan: RowPlan): ProjectState | null {
    const values = { ...parsed.values };
    const to = values.stage ?? stageFromDates(values);
    if (this.needsSignedAmount('lead', to) && values.signedAmountYuan === undefined && values.investmentYuan !== undefined) {
      values.signedAmountYuan = values.investmentYuan;
      plan.outcome.warnings.push(signedFromInvestment(parsed));
    }
    if (to !== 'lead') {
      const check = checkStageMove({ from: 'lead', to, ...milestones(values), reason: IMPORT_REASON });
      if (!check.ok) {
        plan.outcome.errors.push(problem(parsed, 'stage', check));
        return null;
      }
    }
    const columns: Record<string, unknown> = { name: values.projectName, stage: to };
    for (const [key, column] of PROJECT_COLUMNS) if (values[key] !== undefined) columns[column] = values[key];
    const id = newRowId();
    plan.projectCreate = { id, values: columns as RowValues<'project'> };
    plan.stageEvent = { id: newRowId(), values: { project_id: id, from_stage: null, to_stage: to, moved_on: this.movedOn(to, values), reason: IMPORT_REASON } };
    // A new project's fields are the row itself; `changes` lists what an update changes.
    return { id, isNew: true, columns, fundsYuan: 0, row: null };
  }

  private planUpdate(parsed: ParsedLedgerRow, project: ProjectState, plan: RowPlan): ProjectState | null {
    const values = { ...parsed.values };
    const current = project.columns;
    const from = current.stage as Stage;
    let to = values.stage ?? from;
    if (values.stage === undefined && mainIndex(from) >= 0) {
      const proven = stageFromDates({ ...milestonesOf(current), ...values });
      if (mainIndex(proven) > mainIndex(from)) to = proven;
    }
    if (to !== from && from === 'terminated') {
      plan.outcome.warnings.push(warning(parsed, 'stage', 'W_LEDGER_STAGE_KEPT', `系统中该项目已“终止”，台账为“${STAGE_LABELS[to]}”；重新启用请在系统中操作`));
      to = from;
    } else if (to !== from && mainIndex(to) >= 0 && mainIndex(from) > mainIndex(to)) {
      plan.outcome.warnings.push(warning(parsed, 'stage', 'W_LEDGER_STAGE_KEPT', `系统中该项目已是“${STAGE_LABELS[from]}”，台账为“${STAGE_LABELS[to]}”，不回退`));
      to = from;
    }
    if (this.needsSignedAmount(from, to) && values.signedAmountYuan === undefined && current.signed_amount_yuan == null && values.investmentYuan !== undefined) {
      values.signedAmountYuan = values.investmentYuan;
      plan.outcome.warnings.push(signedFromInvestment(parsed));
    }
    if (to !== from) {
      const merged = { ...milestonesOf(current), ...milestones(values) };
      const check = checkStageMove({ from, to, ...merged, reason: IMPORT_REASON });
      if (!check.ok) {
        plan.outcome.errors.push(problem(parsed, 'stage', check));
        return null;
      }
    }
    const patch: Record<string, unknown> = {};
    for (const [key, column, field] of PROJECT_COLUMNS) {
      const next = values[key];
      if (next === undefined || next === current[column]) continue;
      patch[column] = next;
      plan.outcome.changes.push(change(field, current[column], next));
    }
    if (to !== from) {
      patch.stage = to;
      plan.outcome.changes.push({ field: 'stage', label: LEDGER_FIELDS.stage.label, from: STAGE_LABELS[from], to: STAGE_LABELS[to] });
      plan.stageEvent = { id: newRowId(), values: { project_id: project.id, from_stage: from, to_stage: to, moved_on: this.movedOn(to, { ...milestonesOf(current), ...values }), reason: IMPORT_REASON } };
    }
    if (Object.keys(patch).length > 0) {
      plan.projectUpdate = { id: project.id, patch: patch as RowValues<'project'> };
      Object.assign(current, patch);
    }
    return project;
  }

  private needsSignedAmount(from: Stage, to: Stage): boolean {
    return mainIndex(to) >= mainIndex('signed') && mainIndex(from) < mainIndex('signed');
  }

  /** A stage event is dated by the milestone that reached it, else today. */
  private movedOn(to: Stage, values: { signedDate?: unknown; startDate?: unknown; productionDate?: unknown }): string {
    const date = to === 'producing' ? values.productionDate : to === 'started' ? values.startDate : to === 'signed' ? values.signedDate : undefined;
    return typeof date === 'string' ? date : this.options.today;
  }

  private newCompany(parsed: ParsedLedgerRow, nameKey: string, plan: RowPlan): CompanyState {
    const values = parsed.values;
    const company = this.matcher.addNew(values.companyName!, nameKey, values.creditCode ?? null, values.companyDistrict ?? null);
    plan.newCompany = {
      id: company.id,
      values: { name: values.companyName, name_norm: nameKey, credit_code: values.creditCode ?? null, district: values.companyDistrict ?? null },
    };
    return company;
  }

  /** Fills what an existing company lacks (credit code, district); never overwrites. */
  private completeCompany(parsed: ParsedLedgerRow, company: CompanyState, plan: RowPlan): void {
    const values = parsed.values;
    const patch: Record<string, unknown> = {};
    if (values.creditCode && !company.creditCode) {
      const holder = this.matcher.codeTaken(values.creditCode, company.id);
      if (holder) {
        plan.outcome.warnings.push(warning(parsed, 'creditCode', 'W_LEDGER_CODE_TAKEN', `统一社会信用代码已属于“${holder}”，未写入“${company.name}”`));
      } else {
        patch.credit_code = values.creditCode;
        this.matcher.noteCode(company, values.creditCode);
        plan.outcome.changes.push(change('creditCode', null, values.creditCode));
      }
    }
    if (values.companyDistrict && !company.district) {
      patch.district = values.companyDistrict;
      company.district = values.companyDistrict;
      plan.outcome.changes.push(change('companyDistrict', null, values.companyDistrict));
    }
    if (Object.keys(patch).length > 0) plan.companyPatch = { id: company.id, patch: patch as RowValues<'company'> };
  }

  private planContact(parsed: ParsedLedgerRow, company: CompanyState, plan: RowPlan): void {
    const values = parsed.values;
    if (!values.contactName) {
      if (values.contactMobile || values.contactPhone) {
        plan.outcome.warnings.push(warning(parsed, 'contactPhone', 'W_LEDGER_PHONE_WITHOUT_NAME', '有联系电话但没有联系人姓名，未导入联系人'));
      }
      return;
    }
    const contacts = company.isNew ? (company.contacts ??= new Set()) : this.matcher.contacts(company);
    const key = contactKey(values.contactName);
    if (contacts.has(key)) return;
    contacts.add(key);
    plan.contact = {
      id: newRowId(),
      values: { company_id: company.id, name: values.contactName, title: values.contactTitle ?? null, mobile: values.contactMobile ?? null, phone: values.contactPhone ?? null },
    };
    plan.outcome.changes.push({ field: 'contactName', label: '联系人（新增）', from: null, to: values.contactName });
  }

  /** The ledger's 到位资金 is a running total: the import adds what the database does not have yet. */
  private planFunds(parsed: ParsedLedgerRow, project: ProjectState, plan: RowPlan): void {
    const total = parsed.values.fundsInPlaceYuan;
    if (total === undefined || total === project.fundsYuan) return;
    if (total < project.fundsYuan) {
      plan.outcome.warnings.push(warning(parsed, 'fundsInPlace', 'W_LEDGER_FUNDS_LOWER', `台账到位资金 ${formatYuanAuto(total)} 少于系统已记录的 ${formatYuanAuto(project.fundsYuan)}，未减少`));
      return;
    }
    const amount = total - project.fundsYuan;
    plan.funds = {
      id: newRowId(),
      values: { project_id: project.id, entry_date: this.options.fundsAsOf, amount_yuan: amount, note: `${IMPORT_REASON}（累计 ${formatYuanAuto(total)}）` },
    };
    plan.outcome.changes.push({ field: 'fundsInPlace', label: LEDGER_FIELDS.fundsInPlace.label, from: formatYuanAuto(project.fundsYuan), to: formatYuanAuto(total) });
    project.fundsYuan = total;
  }
}

function errorPlan(plan: RowPlan): RowPlan {
  return { outcome: { ...plan.outcome, outcome: 'error', changes: [] } };
}

function milestones(values: LedgerValues) {
  return {
    ...(values.signedDate !== undefined && { signedDate: values.signedDate }),
    ...(values.signedAmountYuan !== undefined && { signedAmountYuan: values.signedAmountYuan }),
    ...(values.startDate !== undefined && { startDate: values.startDate }),
    ...(values.startPlannedDate !== undefined && { startPlannedDate: values.startPlannedDate }),
    ...(values.productionDate !== undefined && { productionDate: values.productionDate }),
  };
}

function milestonesOf(columns: Record<string, unknown>) {
  return {
    signedDate: columns.signed_date as string | null,
    signedAmountYuan: columns.signed_amount_yuan as number | null,
    startDate: columns.start_date as string | null,
    startPlannedDate: columns.start_planned_date as string | null,
    productionDate: columns.production_date as string | null,
  };
}

function problem(parsed: ParsedLedgerRow, field: LedgerFieldKey, result: { code: string; message: string }): CellProblem {
  return { cell: parsed.cells[field] ?? '', field, code: result.code, message: result.message };
}

function warning(parsed: ParsedLedgerRow, field: LedgerFieldKey, code: string, message: string): CellProblem {
  return { cell: parsed.cells[field] ?? '', field, code, message };
}

function signedFromInvestment(parsed: ParsedLedgerRow): CellProblem {
  return warning(parsed, 'investment', 'W_LEDGER_SIGNED_FROM_INVESTMENT', '台账未填签约金额，按投资额记为签约金额');
}

function change(field: LedgerFieldKey, from: unknown, to: unknown): LedgerFieldChange {
  return { field, label: LEDGER_FIELDS[field].label, from: display(field, from), to: display(field, to) };
}

function display(field: LedgerFieldKey, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (LEDGER_FIELDS[field].kind === 'amount' && typeof value === 'number') return formatYuanAuto(value);
  return String(value);
}
