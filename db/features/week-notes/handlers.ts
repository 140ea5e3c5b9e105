import { v5 as uuidv5 } from 'uuid';
import type { WeekNoteRecord } from '../../../shared/contract/week-notes';
import type { weekNotesContract } from '../../../shared/contract/week-notes';
import type { Db } from '../../sql';
import { statement } from '../../store/statements';
import { createRow, updateRow, type Actor } from '../../store/writer';
import { recordMeta, type MetaRow } from '../common/records';
import { memberNames, nameOf } from '../team/members';
import type { ContractHandlers } from '../weeklog/contract-handlers';

/** Namespace of week-note ids: uuidv5(`<user>/<week>`) is the same on every device of one member. */
const WEEK_NOTE_NAMESPACE = '3b0f7f2e-6d3c-4f43-9a55-1c7c2f0e8a41';

export function weekNoteId(userId: string, week: string): string {
  return uuidv5(`${userId}/${week}`, WEEK_NOTE_NAMESPACE);
}

interface WeekNoteRow extends MetaRow {
  week: string;
  summary: string | null;
  next_plan: string | null;
  issues: string | null;
}

function toRecord(row: WeekNoteRow, names: ReadonlyMap<string, string>): WeekNoteRecord {
  return { ...recordMeta(row), week: row.week, summary: row.summary, nextPlan: row.next_plan, issues: row.issues, memberName: nameOf(names, row.owner_user_id) };
}

export function readWeekNote(db: Db, id: string): WeekNoteRecord | null {
  const row = statement(db, 'SELECT * FROM week_note WHERE id = ? AND deleted = 0').get(id) as WeekNoteRow | undefined;
  return row ? toRecord(row, memberNames(db)) : null;
}

/** The live notes of a week, one per member, by member name. */
export function weekNotesOf(db: Db, week: string): WeekNoteRecord[] {
  const names = memberNames(db);
  const rows = statement(db, 'SELECT * FROM week_note WHERE week = ? AND deleted = 0').all(week) as WeekNoteRow[];
  return rows.map((row) => toRecord(row, names)).sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh-CN') || a.id.localeCompare(b.id));
}

export function saveWeekNote(db: Db, actor: Actor, input: { week: string; summary: string | null; nextPlan: string | null; issues: string | null }): string {
  const userId = actor.userId ?? actor.deviceId;
  const id = weekNoteId(userId, input.week);
  const values = { summary: input.summary, next_plan: input.nextPlan, issues: input.issues };
  db.transaction(() => {
    const existing = statement(db, 'SELECT deleted FROM week_note WHERE id = ?').get(id) as { deleted: number } | undefined;
    if (!existing) createRow(db, actor, 'week_note', { week: input.week, ...values }, id);
    else updateRow(db, actor, 'week_note', id, values);
  })();
  return id;
}

export const weekNoteHandlers: ContractHandlers<typeof weekNotesContract> = {
  'weekNotes.get': ({ week }, { db, actor }) => readWeekNote(db, weekNoteId(actor.userId ?? actor.deviceId, week)),
  'weekNotes.save': (input, { db, actor }) => readWeekNote(db, saveWeekNote(db, actor, input))!,
  'weekNotes.list': ({ week }, { db }) => weekNotesOf(db, week),
};
