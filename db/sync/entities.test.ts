import { describe, expect, it } from 'vitest';
import { SYNC_ENTITIES } from '../../shared/sync/entities';
import { ENTITIES } from '../store/entities';
import { testDatabase } from '../store/test-support';
import { createRow, onOutboxAppend } from '../store/writer';

describe('local entities and the sync protocol', () => {
  it('every synced entity has the same fields, kinds and long-text list locally as in shared/sync/entities.ts', () => {
    for (const [name, spec] of Object.entries(SYNC_ENTITIES)) {
      if (spec.origin === 'platform') continue;
      const local = ENTITIES[name as keyof typeof ENTITIES];
      expect(local, name).toBeDefined();
      expect(local.fields, name).toEqual(spec.fields);
      expect([...local.longText], name).toEqual([...spec.longText]);
    }
  });

  it('the writer signals every outbox append (sync debounces a push on it)', () => {
    const t = testDatabase();
    try {
      let calls = 0;
      const stop = onOutboxAppend(t.app.db, () => (calls += 1));
      createRow(t.app.db, t.actor, 'company', { name: '甲', name_norm: '甲', aliases: [], is_fortune500: false, is_listed: false, tags: [] });
      stop();
      createRow(t.app.db, t.actor, 'company', { name: '乙', name_norm: '乙', aliases: [], is_fortune500: false, is_listed: false, tags: [] });
      expect(calls).toBe(1);
    } finally {
      t.dispose();
    }
  });
});
