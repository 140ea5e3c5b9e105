import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weekNotesContract } from '../../../shared/contract/week-notes';
import { callWith, memberActor, weekTest } from '../weeklog/test-support';
import { weekNoteHandlers, weekNoteId } from './handlers';

let t: ReturnType<typeof weekTest>;
const call = <M extends keyof typeof weekNotesContract & string>(method: M, input: Parameters<typeof callWith<typeof weekNotesContract, M>>[4], ctx = t.ctx) =>
  callWith(weekNotesContract, weekNoteHandlers, ctx, method, input);

beforeEach(() => {
  t = weekTest({ userName: '张三' });
});
afterEach(() => t.dispose());

describe('the member\'s weekly narrative', () => {
  it('is written, read back and edited per ISO week through the writer', async () => {
    expect(await call('weekNotes.get', { week: '2026-W48' })).toBeNull();
    const saved = await call('weekNotes.save', { week: '2026-W48', summary: '  走访企业5家，接待来访2批  ', nextPlan: '组织赴黔考察', issues: '' });
    expect(saved).toMatchObject({ week: '2026-W48', summary: '走访企业5家，接待来访2批', nextPlan: '组织赴黔考察', issues: null, memberName: '张三' });
    expect(saved.id).toBe(weekNoteId(t.actor.userId!, '2026-W48'));
    const edited = await call('weekNotes.save', { week: '2026-W48', summary: '走访企业6家', nextPlan: '组织赴黔考察', issues: '园区用地指标紧张' });
    expect(edited.id).toBe(saved.id);
    expect(edited.summary).toBe('走访企业6家');
    // Synced like any record: an outbox entry per save, history per field.
    expect(t.db.prepare("SELECT op FROM outbox WHERE entity = 'week_note' ORDER BY seq").pluck().all()).toEqual(['create', 'update']);
    expect(t.db.prepare("SELECT field FROM field_history WHERE row_id = ? AND field = 'summary'").pluck().all(saved.id)).toHaveLength(2);
    // Saving the same text again changes nothing.
    await call('weekNotes.save', { week: '2026-W48', summary: '走访企业6家', nextPlan: '组织赴黔考察', issues: '园区用地指标紧张' });
    expect(t.db.prepare("SELECT count(*) FROM outbox WHERE entity = 'week_note'").pluck().get()).toBe(2);
  });

  it('one note per member and week: the id is the same on every device of that member', async () => {
    await call('weekNotes.save', { week: '2026-W48', summary: '张三的小结' });
    const other = { ...t.ctx, actor: memberActor(t.actor, 'user-li') };
    await call('weekNotes.save', { week: '2026-W48', summary: '李四的小结' }, other);
    await call('weekNotes.save', { week: '2026-W47', summary: '上周' });
    const notes = await call('weekNotes.list', { week: '2026-W48' });
    expect(notes.map((note) => note.summary).sort()).toEqual(['张三的小结', '李四的小结']);
    expect(weekNoteId('user-li', '2026-W48')).toBe(weekNoteId('user-li', '2026-W48'));
    expect(weekNoteId('user-li', '2026-W48')).not.toBe(weekNoteId('user-li', '2026-W47'));
  });

  it('refuses a malformed week with a Chinese message', async () => {
    await expect(call('weekNotes.get', { week: '2026-48' })).rejects.toMatchObject({ code: 'E_WEEKLOG_WEEK_INVALID', message: '周次格式不正确，应为 2026-W48 这样的形式' });
    await expect(call('weekNotes.get', { week: '2026-W54' })).rejects.toMatchObject({ code: 'E_WEEKLOG_WEEK_INVALID' });
  });
});
