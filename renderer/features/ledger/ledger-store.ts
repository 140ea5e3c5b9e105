import { create } from 'zustand';
import type { LedgerImportEntry, LedgerInspection, LedgerReport, LedgerRevertResult } from '../../../shared/contract/ledger';
import type { AmountUnit } from '../../../shared/domain/money';
import type { LedgerFieldKey } from '../../../shared/ledger/fields';
import { dataChanged } from '../../lib/data-version';
import { errorMessage } from '../../lib/rpc';
import { call, uploadLedger } from './api';

export type LedgerStep = 'pick' | 'mapping' | 'preview' | 'done';

export interface ColumnChoice {
  column: number;
  field: LedgerFieldKey | null;
  unit: AmountUnit | null;
}

interface LedgerState {
  step: LedgerStep;
  busy: boolean;
  progress: number;
  error: string | null;
  inspection: LedgerInspection | null;
  choices: ColumnChoice[];
  header: { first: number; last: number } | null;
  fundsAsOf: string | null;
  report: LedgerReport | null;
  imports: LedgerImportEntry[];
  choose: (file: File) => Promise<void>;
  reinspect: (sheet?: string, header?: { first: number; last: number }) => Promise<void>;
  setChoice: (column: number, patch: Partial<ColumnChoice>) => void;
  setFundsAsOf: (date: string | null) => void;
  preview: () => Promise<void>;
  runImport: () => Promise<void>;
  back: () => void;
  reset: () => void;
  loadImports: () => Promise<void>;
  revert: (importId: string) => Promise<LedgerRevertResult | null>;
}

const choicesOf = (inspection: LedgerInspection): ColumnChoice[] => inspection.columns.map((column) => ({ column: column.column, field: column.field, unit: null }));

function runInput(state: LedgerState) {
  return {
    uploadId: state.inspection!.uploadId,
    sheet: state.inspection!.sheet,
    header: state.header!,
    columns: state.choices.filter((choice) => choice.field !== null).map((choice) => ({ column: choice.column, field: choice.field!, unit: choice.unit })),
    fundsAsOf: state.fundsAsOf,
  };
}

/** The import wizard: file → columns → preview → import, and the log of imports. */
export const useLedger = create<LedgerState>((set, get) => {
  const attempt = async (work: () => Promise<void>): Promise<void> => {
    set({ busy: true, error: null });
    try {
      await work();
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    step: 'pick',
    busy: false,
    progress: 0,
    error: null,
    inspection: null,
    choices: [],
    header: null,
    fundsAsOf: null,
    report: null,
    imports: [],

    choose: (file) =>
      attempt(async () => {
        set({ progress: 0, report: null });
        const uploadId = await uploadLedger(file.name, new Uint8Array(await file.arrayBuffer()), (progress) => set({ progress }));
        const inspection = await call('ledger.inspect', { uploadId });
        set({ inspection, choices: choicesOf(inspection), header: inspection.header, step: 'mapping' });
      }),

    reinspect: (sheet, header) =>
      attempt(async () => {
        const inspection = await call('ledger.inspect', { uploadId: get().inspection!.uploadId, sheet, header });
        set({ inspection, choices: choicesOf(inspection), header: inspection.header });
      }),

    setChoice: (column, patch) => set({ choices: get().choices.map((choice) => (choice.column === column ? { ...choice, ...patch } : choice)) }),
    setFundsAsOf: (fundsAsOf) => set({ fundsAsOf }),

    preview: () =>
      attempt(async () => {
        set({ report: await call('ledger.preview', runInput(get())), step: 'preview' });
      }),

    runImport: () =>
      attempt(async () => {
        const report = await call('ledger.import', runInput(get()));
        set({ report, step: 'done' });
        dataChanged('company', 'contact', 'project');
        await get().loadImports();
      }),

    back: () => set({ step: get().step === 'preview' ? 'mapping' : 'pick', error: null }),
    reset: () => set({ step: 'pick', inspection: null, choices: [], header: null, report: null, error: null, progress: 0 }),

    loadImports: async () => {
      try {
        set({ imports: await call('ledger.imports', {}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    revert: async (importId) => {
      let result: LedgerRevertResult | null = null;
      await attempt(async () => {
        result = await call('ledger.revert', { importId });
        dataChanged('company', 'contact', 'project');
        await get().loadImports();
      });
      return result;
    },
  };
});
