import type { ledgerContract } from '../../../shared/contract/ledger';
import type { HandlersOf } from './handlers-of';
import { importLedger, inspectWorkbook, previewLedger, type LedgerRunOptions } from './engine';
import { importReport, listImports } from './log';
import { revertImport } from './revert';
import { receiveChunk, uploadedWorkbook } from './uploads';

type RunInput = LedgerRunOptions & { uploadId: string };

const runOptions = (input: RunInput): LedgerRunOptions => ({ sheet: input.sheet, header: input.header, columns: input.columns, fundsAsOf: input.fundsAsOf });

export const ledgerHandlers: HandlersOf<typeof ledgerContract> = {
  'ledger.upload': (input) => receiveChunk(input),

  'ledger.inspect': ({ uploadId, sheet, header }) => ({ uploadId, ...inspectWorkbook(uploadedWorkbook(uploadId), sheet, header) }),

  'ledger.preview': (input, { db, actor, now }) => previewLedger({ db, actor, now: now() }, uploadedWorkbook(input.uploadId), runOptions(input)),

  'ledger.import': (input, { db, actor, now }) => importLedger({ db, actor, now: now() }, uploadedWorkbook(input.uploadId), runOptions(input)),

  'ledger.imports': (_input, { db }) => listImports(db),

  'ledger.importReport': ({ importId }, { db }) => importReport(db, importId),

  'ledger.revert': ({ importId }, { db, actor, now }) => revertImport(db, actor, importId, now()),
};
