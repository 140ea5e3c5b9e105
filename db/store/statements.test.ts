import { afterEach, beforeEach, expect, it } from 'vitest';
import { statement } from './statements';
import { testDatabase } from './test-support';

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.dispose());

it('hands a cached statement back in the default mode after someone plucked it', () => {
  const sql = "SELECT value FROM meta WHERE key = 'device_id'";
  expect(statement(t.app.db, sql).pluck().get()).toBe(t.app.deviceId);
  expect(statement(t.app.db, sql).get()).toEqual({ value: t.app.deviceId });
  expect(statement(t.app.db, sql).raw().get()).toEqual([t.app.deviceId]);
  expect(statement(t.app.db, sql).get()).toEqual({ value: t.app.deviceId });
});

it('returns the same prepared statement for the same SQL', () => {
  expect(statement(t.app.db, 'SELECT 1 AS one')).toBe(statement(t.app.db, 'SELECT 1 AS one'));
});
