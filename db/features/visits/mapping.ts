import type { z } from 'zod';
import type { Trip, VisitRecord, visitsContract } from '../../../shared/contract';
import type { IntentLevel, VisitKind } from '../../../shared/domain/reference';
import type { RowValues } from '../../store/entities';
import { recordMeta, stringList, type MetaRow } from '../common/records';

export interface VisitRow extends MetaRow {
  company_id: string;
  company_name: string | null;
  visit_date: string;
  kind: string;
  participants: string;
  contact_ids: string;
  summary: string | null;
  outcome: string | null;
  intent: string | null;
  next_step: string | null;
  follow_up_date: string | null;
  trip: string | null;
}

/** Select list for `visit v`, with the company's name. */
export const VISIT_SELECT = `v.id, v.created_at, v.updated_at, v.deleted, v.owner_user_id, v.team_id, v.company_id,
  (SELECT name FROM company WHERE id = v.company_id) AS company_name, v.visit_date, v.kind, v.participants, v.contact_ids,
  v.summary, v.outcome, v.intent, v.next_step, v.follow_up_date, v.trip`;

export function toVisitRecord(row: VisitRow): VisitRecord {
  return {
    ...recordMeta(row),
    companyId: row.company_id,
    companyName: row.company_name ?? '',
    visitDate: row.visit_date,
    kind: row.kind as VisitKind,
    participants: stringList(row.participants),
    contactIds: stringList(row.contact_ids),
    summary: row.summary,
    outcome: row.outcome,
    intent: row.intent as IntentLevel | null,
    nextStep: row.next_step,
    followUpDate: row.follow_up_date,
    trip: row.trip ? (JSON.parse(row.trip) as Trip) : null,
  };
}

export type VisitFields = z.output<(typeof visitsContract)['visits.create']['input']>;

export function visitColumns(input: Partial<VisitFields>): RowValues<'visit'> {
  return {
    company_id: input.companyId,
    visit_date: input.visitDate,
    kind: input.kind,
    participants: input.participants,
    contact_ids: input.contactIds === undefined ? undefined : [...new Set(input.contactIds)],
    summary: input.summary,
    outcome: input.outcome,
    intent: input.intent,
    next_step: input.nextStep,
    follow_up_date: input.followUpDate,
    trip: input.trip === undefined || input.trip === null ? input.trip : { ...input.trip },
  };
}
