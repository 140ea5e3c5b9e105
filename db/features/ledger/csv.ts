/**
 * CSV as Excel and WPS write it (RFC 4180: quoted fields may hold commas, quotes
 * doubled, line breaks), read as text only: a ledger's `2021-03` or `0755-1234` must
 * reach the value parsers exactly as typed, never guessed into a number or a date.
 * The delimiter is the one of , ; or tab found most in the first line.
 */
import type { LedgerCell, LedgerSheet } from '../../../shared/ledger/cells';

export function parseCsv(text: string, name: string): LedgerSheet {
  const delimiter = guessDelimiter(text);
  const rows: (LedgerCell | null)[][] = [];
  let row: (LedgerCell | null)[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field === '' ? null : { value: field });
    field = '';
  };
  const endRow = (): void => {
    endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return { name, rows, merges: [], date1904: false };
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}
