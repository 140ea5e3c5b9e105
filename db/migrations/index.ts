import { migration0001 } from './0001-init';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration in order. Append only: an applied migration is never edited or removed. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
