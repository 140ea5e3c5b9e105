/**
 * The synced entities, their fields and the rules the merge engine and every receiver
 * (platform push, app pull, team-lead file import) check a change against. This file is
 * the single source: db/store/entities.ts should derive its field kinds and long-text
 * lists from here.
 */
export type SyncFieldKind = 'text' | 'int' | 'bool' | 'json';

export interface SyncEntitySpec {
  fields: Readonly<Record<string, SyncFieldKind>>;
  /**
   * Long free text: when two devices both edit one of these since their common base, the
   * merge keeps the later value and records the other as a visible conflict (DESIGN §4).
   */
  longText: readonly string[];
  /** Must be present (and not null) in a `create`. */
  required: readonly string[];
  /** May never be null (the app's columns are NOT NULL, some with a default). */
  notNull: readonly string[];
  /** Fields holding the id of another row: field → entity. The target must exist in the same team. */
  references: Readonly<Record<string, string>>;
  /** Lower bounds of integer fields (the app's CHECK constraints). */
  minimum: Readonly<Record<string, number>>;
  /** Allowed lengths of text fields (the app's CHECK constraints), inclusive. */
  lengths: Readonly<Record<string, readonly [number, number]>>;
  /** Who writes this entity: devices, or only the platform (reference data). */
  origin: 'device' | 'platform';
}

/** The tombstone: a boolean pseudo-field every entity has, written only by `delete` and `restore`. */
export const DELETED_FIELD = 'deleted';
/** Upper bound for any text value, in UTF-16 code units; the 1 MB batch limit bounds the rest. */
export const MAX_TEXT_LENGTH = 20_000;

const OWNERSHIP = { owner_user_id: 'text', team_id: 'text' } as const;

function entity(spec: Partial<Omit<SyncEntitySpec, 'fields'>> & Pick<SyncEntitySpec, 'fields'>): SyncEntitySpec {
  return { longText: [], required: [], notNull: [], references: {}, minimum: {}, lengths: {}, origin: 'device', ...spec };
}

export const SYNC_ENTITIES = {
  company: entity({
    fields: {
      name: 'text', name_norm: 'text', credit_code: 'text', aliases: 'json', industry: 'text', district: 'text',
      address: 'text', scale: 'text', is_fortune500: 'bool', is_listed: 'bool', lead_source: 'text', tags: 'json',
      notes: 'text', ...OWNERSHIP,
    },
    longText: ['notes'],
    required: ['name'],
    notNull: ['name', 'name_norm', 'aliases', 'is_fortune500', 'is_listed', 'tags'],
    lengths: { name: [1, 200] },
  }),
  contact: entity({
    fields: { company_id: 'text', name: 'text', title: 'text', mobile: 'text', phone: 'text', email: 'text', wechat: 'text', notes: 'text', ...OWNERSHIP },
    longText: ['notes'],
    required: ['company_id', 'name'],
    notNull: ['company_id', 'name'],
    references: { company_id: 'company' },
  }),
  visit: entity({
    fields: {
      company_id: 'text', visit_date: 'text', kind: 'text', participants: 'json', contact_ids: 'json', summary: 'text',
      outcome: 'text', intent: 'text', next_step: 'text', follow_up_date: 'text', trip: 'json', ...OWNERSHIP,
    },
    longText: ['summary', 'outcome', 'next_step'],
    required: ['company_id', 'visit_date', 'kind'],
    notNull: ['company_id', 'visit_date', 'kind', 'participants', 'contact_ids'],
    references: { company_id: 'company' },
  }),
  project: entity({
    fields: {
      company_id: 'text', name: 'text', industry: 'text', investment_yuan: 'int', target_city: 'text', target_county: 'text',
      target_park: 'text', stage: 'text', signed_date: 'text', signed_amount_yuan: 'int', start_planned_date: 'text',
      start_date: 'text', production_planned_date: 'text', production_date: 'text', agreement_no: 'text',
      expected_jobs: 'int', expected_output_yuan: 'int', notes: 'text', ...OWNERSHIP,
    },
    longText: ['notes'],
    required: ['company_id', 'name'],
    notNull: ['company_id', 'name', 'stage'],
    references: { company_id: 'company' },
    minimum: { investment_yuan: 0, signed_amount_yuan: 0, expected_jobs: 0, expected_output_yuan: 0 },
  }),
  project_stage_event: entity({
    fields: { project_id: 'text', from_stage: 'text', to_stage: 'text', moved_on: 'text', reason: 'text', ...OWNERSHIP },
    required: ['project_id', 'to_stage', 'moved_on'],
    notNull: ['project_id', 'to_stage', 'moved_on'],
    references: { project_id: 'project' },
  }),
  funds_entry: entity({
    fields: { project_id: 'text', entry_date: 'text', amount_yuan: 'int', note: 'text', ...OWNERSHIP },
    required: ['project_id', 'entry_date', 'amount_yuan'],
    notNull: ['project_id', 'entry_date', 'amount_yuan'],
    references: { project_id: 'project' },
    minimum: { amount_yuan: 1 },
  }),
  task: entity({
    fields: { title: 'text', due_date: 'text', company_id: 'text', project_id: 'text', visit_id: 'text', done: 'bool', done_at: 'text', ...OWNERSHIP },
    required: ['title', 'due_date'],
    notNull: ['title', 'due_date', 'done'],
    references: { company_id: 'company', project_id: 'project', visit_id: 'visit' },
  }),
  /** The member's weekly narrative, one per member per ISO week (id: uuidv5 of user and week). */
  week_note: entity({
    fields: { week: 'text', summary: 'text', next_plan: 'text', issues: 'text', ...OWNERSHIP },
    longText: ['summary', 'next_plan', 'issues'],
    required: ['week'],
    notNull: ['week'],
    lengths: { week: [8, 8] },
  }),
  /**
   * Reference data (industries, parks …), written only by the platform and pulled by
   * everyone like any other change. Row id: `<kind>:<code>`.
   */
  reference: entity({
    fields: { kind: 'text', code: 'text', label: 'text', parent_code: 'text', sort_order: 'int', retired: 'bool', list_version: 'int' },
    required: ['kind', 'code', 'label'],
    notNull: ['kind', 'code', 'label'],
    origin: 'platform',
  }),
} as const satisfies Record<string, SyncEntitySpec>;

export type SyncEntityName = keyof typeof SYNC_ENTITIES;

export function isSyncEntity(value: string): value is SyncEntityName {
  return Object.hasOwn(SYNC_ENTITIES, value);
}

export function entitySpec(name: string): SyncEntitySpec | undefined {
  return isSyncEntity(name) ? SYNC_ENTITIES[name] : undefined;
}

/** Long-text fields per entity, for callers that only need that list. */
export function longTextFields(name: string): readonly string[] {
  return entitySpec(name)?.longText ?? [];
}
