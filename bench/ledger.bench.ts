/**
 * A 10,000-row ledger (xlsx, one header row, ~7,000 companies with contacts, funds and
 * stages), through the same engine as the app and the CLI: parse, dry run, import (one
 * journalled transaction through the writer), and an exact revert. On an empty database
 * by default; `--on-seed` imports into a copy of the seeded team database instead.
 */
import ExcelJS from 'exceljs';
import { HlcClock } from '../shared/sync/hlc';
import { openAppDatabase, readMeta } from '../db/database';
import { importLedger, inspectWorkbook, previewLedger } from '../db/features/ledger/engine';
import { revertImport } from '../db/features/ledger/revert';
import { generatedLedgerRows } from '../db/features/ledger/test-fixtures';
import { readLedgerWorkbook } from '../db/features/ledger/workbook';
import { formatSizes, printFigure, printMachine, removeDir, scratchCopy, seededDataDir, sizesFromArgs } from './lib';

const ROWS = 10_000;

async function ledgerBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  for (const row of generatedLedgerRows(ROWS)) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  printMachine();
  const onSeed = process.argv.includes('--on-seed');
  const sizes = sizesFromArgs(process.argv.slice(2).filter((arg) => arg !== '--on-seed'));
  const dataDir = scratchCopy(onSeed ? seededDataDir(sizes) : null);
  const where = onSeed ? `on a copy of the seeded DB (${formatSizes(sizes)})` : 'on an empty DB';
  const bytes = await ledgerBytes();
  const app = openAppDatabase(dataDir);
  try {
    const now = (): Date => new Date();
    const actor = { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => Date.now(), readMeta(app.db, 'hlc_last')), now };
    const ctx = { db: app.db, actor, now: now() };

    const cpuStarted = process.cpuUsage();
    let started = performance.now();
    const workbook = readLedgerWorkbook(bytes, 'ledger.xlsx');
    const inspection = inspectWorkbook(workbook);
    const options = {
      sheet: inspection.sheet,
      header: inspection.header!,
      columns: inspection.columns.filter((column) => column.field !== null).map((column) => ({ column: column.column, field: column.field! })),
    };
    const readMs = performance.now() - started;

    started = performance.now();
    const preview = previewLedger(ctx, workbook, options);
    const previewMs = performance.now() - started;

    started = performance.now();
    const done = importLedger(ctx, workbook, options);
    const importMs = performance.now() - started;

    const cpu = process.cpuUsage(cpuStarted);
    const counts = done.counts;
    process.stderr.write(`[ledger] ${ROWS} rows ${where}: ${counts.new} new, ${counts.update} updated, ${counts.error} errors; ${counts.companiesCreated} companies, ${counts.contactsCreated} contacts, ${counts.fundsEntries} funds entries\n`);
    if (preview.counts.new !== counts.new) process.stderr.write('[ledger] preview and import disagree!\n');
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, read .xlsx + guess columns (reference)`, readMs / 1000, 's');
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, dry run (reference)`, previewMs / 1000, 's');
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, import (reference)`, importMs / 1000, 's');
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, read + dry run + import`, (readMs + previewMs + importMs) / 1000, 's', { below: 5 });
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, read + dry run + import, CPU (reference)`, (cpu.user + cpu.system) / 1e6, 's');

    started = performance.now();
    const reverted = revertImport(app.db, actor, done.importId!, now());
    printFigure(`ledger ${ROWS.toLocaleString('en')} rows ${where}, revert (${reverted.mode}, reference)`, (performance.now() - started) / 1000, 's');
  } finally {
    app.close();
    removeDir(dataDir);
  }
}

main().catch((error: unknown) => {
  console.log(`ledger: not measured: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.BENCH_DEBUG) console.error(error);
});
