import { migration0001 } from './0001-init';
import { migration0002 } from './0002-field-work';
import { migration0003 } from './0003-list-indexes';
import { migration0004 } from './0004-team-weeks';
import { migration0005 } from './0005-ledger';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration in order. Append only: an applied migration is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
