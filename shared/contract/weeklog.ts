import { z } from 'zod';
import type { ImportStats, SyncConflict, ChangeError } from '../sync/schema';
import { publicKeySchema } from '../weeklog/manifest';
import { method } from './define';
import { optionalText, requiredText } from './fields';
import { isoWeekField } from './week-notes';

/**
 * Weekly-log files (DESIGN §5). The files themselves travel over /api/files (binary,
 * larger than an RPC body): POST /api/files/export-week and /api/files/import-week.
 * These methods are the small JSON around them: status, profile, known devices, history.
 */
export type ExportScope = 'week' | 'since-last-export';

export interface WeeklogExportInfo {
  scope: ExportScope;
  week: string;
  fileName: string;
  changeCount: number;
  seqFrom: number | null;
  seqTo: number | null;
  createdAt: string;
}

export interface WeeklogStatus {
  deviceId: string;
  /** Raw Ed25519 public key, base64: what the lead (or the platform) registers. */
  publicKey: string;
  /** 16 hex digits in four groups, read out over the phone when the lead approves the device. */
  fingerprint: string;
  userName: string | null;
  teamName: string | null;
  /** The week asked about (default: this week, China time). */
  week: string;
  /** Changes made on this device during that week. */
  weekChanges: number;
  /** Changes made on this device since its last export (all of them if it never exported). */
  sinceLastExport: number;
  lastExport: WeeklogExportInfo | null;
}

export interface KnownDevice {
  deviceId: string;
  publicKey: string;
  fingerprint: string;
  label: string;
  userId: string | null;
  userName: string | null;
  source: 'approved' | 'platform';
  approvedAt: string;
  revokedAt: string | null;
}

/** What the lead sees about one file, before and after importing it. */
export interface WeeklogFileInfo {
  deviceId: string;
  fingerprint: string;
  userId: string;
  userName: string;
  teamName: string | null;
  week: string;
  scope: ExportScope | 'team';
  exportedAt: string;
  changeCount: number;
  seqFrom: number | null;
  seqTo: number | null;
}

/**
 * One file's outcome. `refused`: not imported, nothing written, `reason` says why.
 * `skipped`: already imported (or this device's own file). `imported` / `preview`
 * (dry run): merged, with the engine's stats. `needs-confirmation`: it would delete more
 * than half of a member's rows; import again with its manifest hash in `confirm`.
 */
export interface WeeklogFileResult {
  fileName: string;
  fileSha256: string;
  manifestSha256: string | null;
  status: 'imported' | 'preview' | 'skipped' | 'refused' | 'needs-confirmation';
  reason: { code: string; message: string; details?: Record<string, string | number | null> } | null;
  file: WeeklogFileInfo | null;
  stats: ImportStats;
  conflicts: SyncConflict[];
  errors: ChangeError[];
  /** Rows whose parent (company, project) has not arrived yet; they appear when it does. */
  waiting: number;
}

export interface WeeklogImportResult {
  dryRun: boolean;
  status: 'OK' | 'WARNING' | 'ERROR';
  files: WeeklogFileResult[];
  /** All files together. */
  total: ImportStats & { files: number; imported: number; skipped: number; refused: number };
  /** One sentence for the top of the summary, e.g. 「共 3 个文件：导入 2 个，跳过 1 个」. */
  headline: string;
}

export interface ImportedFileEntry extends WeeklogFileInfo {
  fileName: string;
  manifestSha256: string;
  importedAt: string;
  stats: ImportStats;
}

export const weeklogContract = {
  'weeklog.status': method<WeeklogStatus>()(z.object({ week: isoWeekField.optional() }).strict()),
  /** The member's name on files and in the 周报, and their team's name. */
  'weeklog.saveProfile': method<WeeklogStatus>()(
    z.object({ userName: requiredText(40, '姓名'), teamName: optionalText(60, '工作队名称') }).strict(),
  ),
  'weeklog.devices': method<KnownDevice[]>()(z.object({}).strict()),
  /** The lead trusts a device after comparing its fingerprint with the member. */
  'weeklog.approveDevice': method<KnownDevice>()(
    z
      .object({
        deviceId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, '设备编号格式不正确'),
        publicKey: publicKeySchema,
        label: requiredText(60, '设备名称'),
        userId: z.string().max(64).nullish(),
        userName: optionalText(40, '队员姓名'),
      })
      .strict(),
  ),
  'weeklog.revokeDevice': method<KnownDevice>()(z.object({ deviceId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/, '设备编号格式不正确') }).strict()),
  'weeklog.imports': method<ImportedFileEntry[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict()),
};
