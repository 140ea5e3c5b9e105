import { Table, Typography } from 'antd';
import type { HistoryEntry } from '../../shared/contract';
import { formatDateTime } from '../lib/dates';
import { entityLabel, fieldLabel, formatFieldValue, isShownField } from '../lib/field-labels';
import { t } from '../lib/i18n';

interface Row extends HistoryEntry {
  key: string;
}

/** 修改记录: who changed which field of which record, when, from what to what. */
export function HistoryTable({ entries, recordName }: { entries: HistoryEntry[]; recordName?: (entity: string, rowId: string) => string | undefined }) {
  const rows: Row[] = entries.filter(isShownField).map((entry, index) => ({ ...entry, key: `${entry.rowId}-${entry.field}-${entry.changedAt}-${index}` }));
  return (
    <Table<Row>
      aria-label={t.history.title}
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (total) => t.common.total(total) } : false}
      locale={{ emptyText: t.history.empty }}
      columns={[
        { title: t.history.time, dataIndex: 'changedAt', width: 170, render: (value: string) => formatDateTime(value) },
        {
          title: t.history.who,
          key: 'who',
          width: 120,
          render: (_: unknown, row) => (
            <span>
              {row.userId ?? t.history.thisDevice}
              {row.source !== 'local' && <Typography.Text type="secondary">（{t.history.sources[row.source] ?? row.source}）</Typography.Text>}
            </span>
          ),
        },
        {
          title: t.history.record,
          key: 'record',
          width: 160,
          render: (_: unknown, row) => {
            const name = recordName?.(row.entity, row.rowId);
            return name ? `${entityLabel(row.entity)}：${name}` : entityLabel(row.entity);
          },
        },
        { title: t.history.field, key: 'field', width: 140, render: (_: unknown, row) => fieldLabel(row.entity, row.field) },
        {
          title: t.history.oldValue,
          key: 'old',
          render: (_: unknown, row) => <Typography.Text delete={row.oldValue != null} type="secondary">{formatFieldValue(row.field, row.oldValue)}</Typography.Text>,
        },
        { title: t.history.newValue, key: 'new', render: (_: unknown, row) => formatFieldValue(row.field, row.newValue) },
      ]}
    />
  );
}
