import type { Db } from '../sql';

export interface Migration {
  /** 1, 2, 3 … with no gaps; equals `user_version` once applied. */
  version: number;
  /** Short kebab name; recorded, and checked on every start. */
  name: string;
  sql: string;
  /** Data work SQL cannot do (e.g. backfilling a computed column); runs in the same transaction, after `sql`. */
  after?: (db: Db) => void;
}
