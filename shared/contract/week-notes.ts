import { z } from 'zod';
import { isIsoWeek } from '../weeklog/iso-week';
import { method } from './define';
import { optionalText, type RecordMeta } from './fields';

/** An ISO week as `2026-W48`. */
export const isoWeekField = z
  .string({ error: '请选择周次' })
  .trim()
  .refine(isIsoWeek, { message: '周次格式不正确，应为 2026-W48 这样的形式', params: { code: 'E_WEEKLOG_WEEK_INVALID' } });

/** The member's narrative for one ISO week (本周工作小结 / 下周工作计划 / 存在问题和建议). */
export interface WeekNoteRecord extends RecordMeta {
  week: string;
  summary: string | null;
  nextPlan: string | null;
  issues: string | null;
  /** The member's name as the lead knows it (profile, device approval or their files). */
  memberName: string;
}

const NOTE_MAX = 5000;

export const weekNotesContract = {
  /** This member's note for the week, or null when none is written yet. */
  'weekNotes.get': method<WeekNoteRecord | null>()(z.object({ week: isoWeekField }).strict()),
  /** Writes this member's note for the week (creating it on first save). Blank texts clear. */
  'weekNotes.save': method<WeekNoteRecord>()(
    z
      .object({
        week: isoWeekField,
        summary: optionalText(NOTE_MAX, '本周工作小结'),
        nextPlan: optionalText(NOTE_MAX, '下周工作计划'),
        issues: optionalText(NOTE_MAX, '存在问题和建议'),
      })
      .strict(),
  ),
  /** Every member's note for the week (the lead's view), by member name. */
  'weekNotes.list': method<WeekNoteRecord[]>()(z.object({ week: isoWeekField }).strict()),
};
