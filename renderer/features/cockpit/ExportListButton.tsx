import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { ExportableList } from '../../../shared/contract/export';
import { errorMessage } from '../../lib/rpc';
import { call } from './api';
import { base64Bytes, saveBytes, XLSX_MIME } from './save-file';

/**
 * 导出 Excel for any list: pass the list's current query (its filters and sort, as sent
 * to `<list>.list`) and its visible columns in order; every matching row is written.
 * For the list pages (companies, projects, visits); meant to live in renderer/components.
 */
export function ExportListButton({ list, title, query, columns }: { list: ExportableList; title: string; query: object; columns: readonly { key: string; title: string }[] }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      const file = await call('export.list', { list, title, query: { ...query } as Record<string, unknown>, columns: columns.map(({ key, title }) => ({ key, title })) });
      if (await saveBytes(file.fileName, base64Bytes(file.contentBase64), XLSX_MIME)) void message.success(`已导出 ${file.rows} 条：${file.fileName}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()}>
      导出 Excel
    </Button>
  );
}
