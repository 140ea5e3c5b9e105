import type { exportContract } from '../../../shared/contract/export';
import type { HandlersOf } from '../ledger/handlers-of';
import { exportLedger } from './ledger-export';
import { exportList } from './list-export';

export const exportHandlers: HandlersOf<typeof exportContract> = {
  'export.list': (input, { db, now }) => exportList(db, input, now()),
  'export.ledger': (input, { db, now, actor }) => exportLedger(db, input, now(), actor.userId),
};
