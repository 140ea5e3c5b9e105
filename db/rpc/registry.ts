import type { MethodName } from '../../shared/contract';
import type { UnionToIntersection } from '../../shared/contract/define';
import { companyHandlers } from '../features/companies/handlers';
import { contactHandlers } from '../features/contacts/handlers';
import { projectHandlers } from '../features/projects/handlers';
import { recordHandlers } from '../features/records/handlers';
import { referenceHandlers } from '../features/reference/handlers';
import { searchHandlers } from '../features/search/handlers';
import { syncHandlers } from '../features/sync/handlers';
import { systemHandlers } from '../features/system/handlers';
import { taskHandlers } from '../features/tasks/handlers';
import { visitHandlers } from '../features/visits/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { provisioningHandlers } from '../features/provisioning/handlers';
import { cockpitHandlers } from '../features/cockpit/handlers';
import { ledgerHandlers } from '../features/ledger/handlers';
import { exportHandlers } from '../features/export/handlers';
import { reportHandlers } from '../features/report/handlers';
import { teamHandlers } from '../features/team/handlers';
import { weekNoteHandlers } from '../features/week-notes/handlers';
import { weeklogHandlers } from '../features/weeklog/handlers';
import type { FeatureHandlers } from './types';

/** Merges feature handler maps; a method handled twice is a programming error. */
export function mergeHandlers<const Parts extends readonly object[]>(...parts: Parts): UnionToIntersection<Parts[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`RPC method handled twice: ${name}`);
      merged[name] = handler;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}

/** Typed as the whole contract: a method without a handler fails to compile. */
export const handlers: FeatureHandlers<MethodName> = mergeHandlers(
  systemHandlers,
  companyHandlers,
  contactHandlers,
  visitHandlers,
  projectHandlers,
  taskHandlers,
  recordHandlers,
  searchHandlers,
  referenceHandlers,
  syncHandlers,
  backupHandlers,
  provisioningHandlers,
  cockpitHandlers,
  ledgerHandlers,
  exportHandlers,
  reportHandlers,
  teamHandlers,
  weekNoteHandlers,
  weeklogHandlers,
);
