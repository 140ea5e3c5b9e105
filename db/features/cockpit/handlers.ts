import type { cockpitContract } from '../../../shared/contract/cockpit';
import type { HandlersOf } from '../ledger/handlers-of';
import { drill } from './drill';
import { cockpitFigures } from './figures';
import { resolveFilters } from './filters';
import { cockpitOptions } from './options';

export const cockpitHandlers: HandlersOf<typeof cockpitContract> = {
  'cockpit.get': (input, { db, actor, now }) => db.transaction(() => cockpitFigures(db, resolveFilters(input, now()), actor.userId))(),

  'cockpit.options': (_input, { db, actor }) => cockpitOptions(db, actor.userId),

  'cockpit.drill': ({ filters, figure, limit, offset }, { db, now }) => drill(db, resolveFilters(filters, now()), figure, limit, offset),
};
