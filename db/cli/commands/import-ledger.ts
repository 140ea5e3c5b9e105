import fs from 'node:fs';
import path from 'node:path';
import type { LedgerReport } from '../../../shared/contract/ledger';
import { validateIsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/ledger/cells';
import { LEDGER_FIELD_KEYS, LEDGER_FIELDS, type LedgerFieldKey } from '../../../shared/ledger/fields';
import type { ColumnMapping } from '../../../shared/ledger/rows';
import { HlcClock } from '../../../shared/sync/hlc';
import { openAppDatabase, readMeta } from '../../database';
import { importLedger, inspectWorkbook, previewLedger } from '../../features/ledger/engine';
import { MAX_LEDGER_FILE_BYTES } from '../../../shared/contract/ledger';
import { readLedgerWorkbook } from '../../features/ledger/workbook';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

const OUTCOME_LABELS: Record<string, string> = { new: '新增', update: '更新', unchanged: '无变化', duplicate: '重复', error: '错误', skipped: '跳过' };
/** Errors listed in full up to this many rows; the rest are counted (--json has them all). */
const SHOWN_PROBLEMS = 50;

/**
 * `import-ledger <file> [--dry-run]`: the same engine as the app's 台账导入. The columns
 * are the guessed ones unless `--map B=projectName` says otherwise (repeatable; `--map
 * B=` ignores a column); `--sheet`, `--header 2-3` (spreadsheet rows) and
 * `--funds-as-of` as in the app's mapping step.
 */
export const command = defineCommand({
  name: 'import-ledger',
  summary: '导入项目台账（.xlsx/.xls/.csv）；--dry-run 只预览每一行的结果，不写入',
  usage: '<台账文件> [--dry-run] [--sheet <工作表>] [--header <起-止行>] [--map <列=字段>]… [--funds-as-of <YYYY-MM-DD>]',
  options: {
    'dry-run': { type: 'boolean' },
    sheet: { type: 'string' },
    header: { type: 'string' },
    map: { type: 'string', multiple: true },
    'funds-as-of': { type: 'string' },
  },
  run(ctx, { values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('请给出一个台账文件');
    const file = path.resolve(positionals[0]!);
    if (!fs.existsSync(file)) throw new AppError('E_NOT_FOUND', `找不到文件：${file}`);
    if (fs.statSync(file).size > MAX_LEDGER_FILE_BYTES) throw new AppError('E_LEDGER_TOO_LARGE', `文件超过 ${MAX_LEDGER_FILE_BYTES / 1024 / 1024} MB`);
    const fundsAsOf = typeof values['funds-as-of'] === 'string' ? dateOption(values['funds-as-of']) : null;
    const workbook = readLedgerWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    const header = typeof values.header === 'string' ? headerOption(values.header) : undefined;
    const inspection = inspectWorkbook(workbook, typeof values.sheet === 'string' ? values.sheet : undefined, header);
    if (!inspection.header) throw new AppError('E_LEDGER_NO_HEADER', `工作表“${inspection.sheet}”中没有找到表头，请用 --header 指定表头所在的行`);
    const columns = applyMaps(
      inspection.columns.filter((column) => column.field !== null).map((column) => ({ column: column.column, field: column.field! })),
      (values.map as unknown as string[] | undefined) ?? [],
    );
    const options = { sheet: inspection.sheet, header: inspection.header, columns, fundsAsOf };

    const app = openAppDatabase(ctx.dataDir, { keyStore: cliKeyStore(ctx.dataDir) });
    try {
      const now = ctx.now;
      const actor = {
        deviceId: app.deviceId,
        userId: app.userId,
        teamId: readMeta(app.db, 'team_id'),
        clock: new HlcClock(app.deviceId, () => now().getTime(), readMeta(app.db, 'hlc_last')),
        now,
      };
      const run = { db: app.db, actor, now: now() };
      const report = values['dry-run'] ? previewLedger(run, workbook, options) : importLedger(run, workbook, options);
      const mapping = columns.map((column) => `${columnLetter(column.column)}→${LEDGER_FIELDS[column.field].label}`).join('，');
      return { lines: [`列对应：${mapping}`, ...describe(report)], data: { mapping: columns, report } };
    } finally {
      app.close();
    }
  },
});

function dateOption(value: string): string {
  const result = validateIsoDate(value, '--funds-as-of');
  if (!result.ok) throw new UsageError(result.message);
  return result.value;
}

/** `2-3` (spreadsheet rows, 1-based) → zero-based inclusive. */
function headerOption(value: string): { first: number; last: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!match) throw new UsageError('--header 应写作 起始行-结束行，如 2-3');
  const first = Number(match[1]) - 1;
  const last = Number(match[2] ?? match[1]) - 1;
  if (first < 0 || last < first) throw new UsageError('--header 的行号不正确');
  return { first, last };
}

function applyMaps(columns: ColumnMapping[], maps: readonly string[]): ColumnMapping[] {
  let result = [...columns];
  for (const map of maps) {
    const match = /^([A-Za-z]{1,3})=(\w*)$/.exec(map.trim());
    if (!match) throw new UsageError(`--map 应写作 列=字段，如 B=projectName（字段：${LEDGER_FIELD_KEYS.join(', ')}）`);
    const column = [...match[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const field = match[2]!;
    if (field !== '' && !(LEDGER_FIELD_KEYS as readonly string[]).includes(field)) throw new UsageError(`未知字段：${field}（可用：${LEDGER_FIELD_KEYS.join(', ')}）`);
    result = result.filter((mapping) => mapping.column !== column && mapping.field !== field);
    if (field !== '') result.push({ column, field: field as LedgerFieldKey });
  }
  return result.sort((a, b) => a.column - b.column);
}

function describe(report: LedgerReport): string[] {
  const counts = report.counts;
  const lines = [
    `${report.dryRun ? '预览（未写入）' : '已导入'}：${report.fileName} · ${report.sheet}`,
    `共 ${counts.rows} 行：新增 ${counts.new}，更新 ${counts.update}，无变化 ${counts.unchanged}，重复 ${counts.duplicate}，错误 ${counts.error}；新建企业 ${counts.companiesCreated}，联系人 ${counts.contactsCreated}，到位资金记录 ${counts.fundsEntries}`,
  ];
  if (report.importId) lines.push(`导入编号：${report.importId}（可在应用的导入记录中撤销）`);
  const problems = report.rows.filter((row) => row.outcome === 'error' || row.outcome === 'duplicate');
  for (const row of problems.slice(0, SHOWN_PROBLEMS)) {
    const reasons = row.outcome === 'duplicate' ? [`与第 ${row.duplicateOfRow} 行重复`] : row.errors.map((error) => `${error.cell ? `${error.cell}：` : ''}${error.message}`);
    lines.push(`  第 ${row.row} 行 ${OUTCOME_LABELS[row.outcome]}：${reasons.join('；')}`);
  }
  if (problems.length > SHOWN_PROBLEMS) lines.push(`  ……另有 ${problems.length - SHOWN_PROBLEMS} 行（用 --json 查看全部）`);
  return lines;
}
