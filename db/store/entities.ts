/**
 * The synced entities and their fields. The writer, the sync apply and the history view
 * all read this one table; a column not listed here is never written through them.
 */
import type { SyncFieldKind } from '../../shared/sync/entities';

/** The same kinds as shared/sync/entities.ts (the single source; entities.test.ts keeps the field lists equal). */
export type FieldKind = SyncFieldKind;

export interface EntitySpec {
  table: string;
  /** Synced fields and how they are stored (bool → 0/1, json → TEXT). */
  fields: Readonly<Record<string, FieldKind>>;
  /**
   * Long free text: when two devices both edit one of these since their common base, the
   * merge keeps one and records the other as a visible conflict (DESIGN §4).
   */
  longText: readonly string[];
}

const OWNERSHIP = { owner_user_id: 'text', team_id: 'text' } as const;

export const ENTITIES = {
  company: {
    table: 'company',
    fields: {
      name: 'text', name_norm: 'text', credit_code: 'text', aliases: 'json', industry: 'text', district: 'text',
      address: 'text', scale: 'text', is_fortune500: 'bool', is_listed: 'bool', lead_source: 'text', tags: 'json',
      notes: 'text', ...OWNERSHIP,
    },
    longText: ['notes'],
  },
  contact: {
    table: 'contact',
    fields: { company_id: 'text', name: 'text', title: 'text', mobile: 'text', phone: 'text', email: 'text', wechat: 'text', notes: 'text', ...OWNERSHIP },
    longText: ['notes'],
  },
  visit: {
    table: 'visit',
    fields: {
      company_id: 'text', visit_date: 'text', kind: 'text', participants: 'json', contact_ids: 'json', summary: 'text',
      outcome: 'text', intent: 'text', next_step: 'text', follow_up_date: 'text', trip: 'json', ...OWNERSHIP,
    },
    longText: ['summary', 'outcome', 'next_step'],
  },
  project: {
    table: 'project',
    fields: {
      company_id: 'text', name: 'text', industry: 'text', investment_yuan: 'int', target_city: 'text', target_county: 'text',
      target_park: 'text', stage: 'text', signed_date: 'text', signed_amount_yuan: 'int', start_planned_date: 'text',
      start_date: 'text', production_planned_date: 'text', production_date: 'text', agreement_no: 'text',
      expected_jobs: 'int', expected_output_yuan: 'int', notes: 'text', ...OWNERSHIP,
    },
    longText: ['notes'],
  },
  project_stage_event: {
    table: 'project_stage_event',
    fields: { project_id: 'text', from_stage: 'text', to_stage: 'text', moved_on: 'text', reason: 'text', ...OWNERSHIP },
    longText: [],
  },
  funds_entry: {
    table: 'funds_entry',
    fields: { project_id: 'text', entry_date: 'text', amount_yuan: 'int', note: 'text', ...OWNERSHIP },
    longText: [],
  },
  task: {
    table: 'task',
    fields: { title: 'text', due_date: 'text', company_id: 'text', project_id: 'text', visit_id: 'text', done: 'bool', done_at: 'text', ...OWNERSHIP },
    longText: [],
  },
  /** The member's weekly narrative (本周工作小结 / 下周工作计划 / 存在问题和建议), one per member per ISO week. */
  week_note: {
    table: 'week_note',
    fields: { week: 'text', summary: 'text', next_plan: 'text', issues: 'text', ...OWNERSHIP },
    longText: ['summary', 'next_plan', 'issues'],
  },
} as const satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof ENTITIES;
export type FieldOf<E extends EntityName> = keyof (typeof ENTITIES)[E]['fields'] & string;

/** A field's value as the program sees it (and as it travels in changes and history). */
export type FieldValue = string | number | boolean | null | readonly unknown[] | Readonly<Record<string, unknown>>;
export type RowValues<E extends EntityName> = Partial<Record<FieldOf<E>, FieldValue>>;

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(ENTITIES, value);
}

export function fieldKind(entity: EntityName, field: string): FieldKind | undefined {
  return (ENTITIES[entity].fields as Record<string, FieldKind>)[field];
}

/** Program value → SQLite value. */
export function toColumn(kind: FieldKind, value: FieldValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'int':
      return Number(value);
    case 'text':
      return String(value);
  }
}

/** SQLite value → program value. */
export function fromColumn(kind: FieldKind, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(String(value)) as FieldValue;
    case 'int':
      return Number(value);
    case 'text':
      return String(value);
  }
}
