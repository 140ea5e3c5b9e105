import { z } from 'zod';
import { method } from './define';
import { optionalDate } from './fields';

/** A spreadsheet made by the backend, for the renderer to save. */
export interface ExportFile {
  fileName: string;
  /** Base64 of the .xlsx bytes. */
  contentBase64: string;
  rows: number;
}

export const EXPORTABLE_LISTS = ['companies', 'projects', 'visits'] as const;
export type ExportableList = (typeof EXPORTABLE_LISTS)[number];
/** More rows than any team has; a bound on one file's memory. */
export const MAX_EXPORT_ROWS = 200_000;

export const ExportColumnSchema = z
  .object({
    /** A field of the list's records (`name`, `investmentYuan`, `stage` …). */
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,59}$/, '列名格式不正确'),
    /** The header the user sees in the list. */
    title: z.string().trim().min(1).max(60),
  })
  .strict();

export const exportContract = {
  /**
   * Any list as it is on screen: `query` is that list's own input (its filters and sort;
   * paging is ignored, every matching row is written), `columns` the visible columns in
   * order. Money is written in 万元 (the header says so), codes as their Chinese labels.
   */
  'export.list': method<ExportFile>()(
    z
      .object({
        list: z.enum(EXPORTABLE_LISTS),
        query: z.record(z.string(), z.unknown()).default({}),
        columns: z.array(ExportColumnSchema).min(1, '请至少选择一列').max(60),
        /** Shown as the sheet's title row and in the file name, e.g. 项目列表. */
        title: z.string().trim().min(1).max(40),
      })
      .strict(),
  ),
  /**
   * The project ledger (项目台账) in the province's usual columns: one sheet per stage,
   * units in the headers, a totals row. 到位资金 counts entries up to `asOf` (today by default).
   */
  'export.ledger': method<ExportFile>()(
    z
      .object({
        teamId: z.string().trim().min(1).max(64).nullish(),
        ownerUserId: z.string().trim().min(1).max(64).nullish(),
        industry: z.string().trim().min(1).max(50).nullish(),
        targetCity: z.string().trim().min(1).max(50).nullish(),
        asOf: optionalDate('截至日期'),
      })
      .strict(),
  ),
};
