import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { LedgerImportEntry, LedgerRevertResult } from '../../../shared/contract/ledger';
import { useLedger } from './ledger-store';
import { LEDGER_TEXT } from './text';

const T = LEDGER_TEXT;

/** Past imports, each revertable (exactly while nothing was written after it). */
export function ImportLog() {
  const { imports, loadImports, revert, busy } = useLedger();
  const { message } = App.useApp();
  useEffect(() => {
    void loadImports();
  }, [loadImports]);
  const undo = async (entry: LedgerImportEntry): Promise<void> => {
    const result: LedgerRevertResult | null = await revert(entry.id);
    if (result) void message.success(T.reverted(result.mode));
  };
  return (
    <Table<LedgerImportEntry>
      size="small"
      rowKey="id"
      dataSource={imports}
      pagination={false}
      locale={{ emptyText: T.logEmpty }}
      aria-label={T.log}
      columns={[
        { title: T.importedAt, dataIndex: 'importedAt', width: 170, render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }) },
        { title: T.file, render: (_, entry) => `${entry.fileName} · ${entry.sheet}` },
        { title: T.outcome, render: (_, entry) => T.counts(entry.counts) },
        { title: T.status, width: 90, render: (_, entry) => (entry.status === 'active' ? <Tag color="green">{T.active}</Tag> : <Tag>{T.revertedStatus}</Tag>) },
        {
          title: '',
          width: 140,
          render: (_, entry) =>
            entry.status === 'active' && (
              <Popconfirm title={T.revert} description={<div style={{ maxWidth: 320 }}>{entry.revertMode === 'exact' ? T.revertExact : T.revertCompensating}</div>} onConfirm={() => void undo(entry)} okText={T.revert} cancelText="取消">
                <Button size="small" danger loading={busy}>
                  {T.revert}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
