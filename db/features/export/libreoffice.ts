/**
 * Reading our spreadsheets back with a real spreadsheet program, for tests: LibreOffice
 * converts every sheet of an .xlsx to UTF-8 CSV (cells as shown), which we parse.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cellText } from '../../../shared/ledger/cells';
import { parseCsv } from '../ledger/csv';

/** Separator , · quote " · UTF-8 · from line 1 · … · cells as shown · … · every sheet (-1). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

export function libreOfficeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** Sheet name → rows of cell texts, as LibreOffice shows them. */
export function readBackWithLibreOffice(bytes: Uint8Array, baseName = 'export'): Map<string, string[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-lo-'));
  try {
    const file = path.join(dir, `${baseName}.xlsx`);
    fs.writeFileSync(file, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', CSV_FILTER, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const sheets = new Map<string, string[][]>();
    for (const name of fs.readdirSync(dir).filter((entry) => entry.endsWith('.csv')).sort()) {
      const sheetName = name.slice(baseName.length + 1, -'.csv'.length) || name;
      const parsed = parseCsv(fs.readFileSync(path.join(dir, name), 'utf8'), sheetName);
      sheets.set(sheetName, parsed.rows.map((row) => row.map((cell) => cellText(cell))));
    }
    return sheets;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
