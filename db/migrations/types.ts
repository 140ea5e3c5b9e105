export interface Migration {
  /** 1, 2, 3 … with no gaps; equals `user_version` once applied. */
  version: number;
  /** Short kebab name; recorded, and checked on every start. */
  name: string;
  sql: string;
}
