/**
 * Carries out a plan through the writer (field history, clocks, outbox and search
 * index included), telling the journal what it creates and what it is about to change.
 */
import type { Db } from '../../sql';
import type { EntityName, RowValues } from '../../store/entities';
import { createRow, updateRow, type Actor } from '../../store/writer';
import type { ImportJournal } from './journal';
import type { RowPlan } from './plan';

export function applyPlan(db: Db, actor: Actor, journal: ImportJournal, plan: RowPlan): void {
  const create = <E extends EntityName>(entity: E, step: { id: string; values: RowValues<E> } | undefined): void => {
    if (!step) return;
    createRow(db, actor, entity, step.values, step.id);
    journal.created(entity, step.id);
  };
  const update = <E extends EntityName>(entity: E, step: { id: string; patch: RowValues<E> } | undefined): void => {
    if (!step) return;
    journal.willUpdate(entity, step.id);
    updateRow(db, actor, entity, step.id, step.patch);
  };
  create('company', plan.newCompany);
  update('company', plan.companyPatch);
  create('contact', plan.contact);
  create('project', plan.projectCreate);
  update('project', plan.projectUpdate);
  create('project_stage_event', plan.stageEvent);
  create('funds_entry', plan.funds);
}
