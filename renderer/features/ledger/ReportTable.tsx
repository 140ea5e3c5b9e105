import { Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { LedgerOutcome, LedgerReport, LedgerRowOutcome } from '../../../shared/contract/ledger';
import { LEDGER_TEXT, OUTCOME_COLORS, OUTCOME_LABELS } from './text';

const T = LEDGER_TEXT;
const ORDER: LedgerOutcome[] = ['new', 'update', 'unchanged', 'duplicate', 'error', 'skipped'];

function details(row: LedgerRowOutcome) {
  const lines: { text: string; type?: 'danger' | 'warning' | 'secondary' }[] = [];
  for (const error of row.errors) lines.push({ text: `${error.cell ? `${error.cell}：` : ''}${error.message}`, type: 'danger' });
  if (row.outcome === 'duplicate') lines.push({ text: T.duplicateOf(row.duplicateOfRow), type: 'warning' });
  else for (const warning of row.warnings) lines.push({ text: `${warning.cell ? `${warning.cell}：` : ''}${warning.message}`, type: 'warning' });
  if (row.outcome === 'update') for (const change of row.changes) lines.push({ text: `${change.label}：${change.from ?? '—'} → ${change.to ?? '—'}`, type: 'secondary' });
  if (row.company && row.outcome !== 'error') lines.push({ text: T.companyState[row.company] ?? '', type: 'secondary' });
  return lines;
}

/** Every row's outcome, filterable by outcome; errors name their cell (C7) and reason. */
export function ReportTable({ report }: { report: LedgerReport }) {
  const [filter, setFilter] = useState<LedgerOutcome | 'all'>(report.counts.error > 0 ? 'error' : 'all');
  const rows = useMemo(() => (filter === 'all' ? report.rows : report.rows.filter((row) => row.outcome === filter)), [filter, report]);
  return (
    <>
      <Segmented<LedgerOutcome | 'all'>
        value={filter}
        onChange={setFilter}
        options={[{ value: 'all', label: `${T.all} ${report.rows.length}` }, ...ORDER.filter((outcome) => report.counts[outcome] > 0).map((outcome) => ({ value: outcome, label: `${OUTCOME_LABELS[outcome]} ${report.counts[outcome]}` }))]}
        style={{ marginBottom: 8 }}
      />
      <Table<LedgerRowOutcome>
        size="small"
        rowKey="row"
        dataSource={rows}
        aria-label="逐行结果"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: T.row, dataIndex: 'row', width: 64 },
          { title: T.outcome, dataIndex: 'outcome', width: 80, render: (outcome: LedgerOutcome) => <Tag color={OUTCOME_COLORS[outcome]}>{OUTCOME_LABELS[outcome]}</Tag> },
          { title: T.company, dataIndex: 'companyName', width: 220, render: (name: string | null) => name ?? '—' },
          { title: T.project, dataIndex: 'projectName', width: 200, render: (name: string | null, row) => (row.projectId && row.outcome !== 'error' && !report.dryRun ? <a href={`#/projects/${encodeURIComponent(row.projectId)}`}>{name}</a> : (name ?? '—')) },
          {
            title: T.details,
            render: (_, row) => (
              <div>
                {details(row).map((line, index) => (
                  <div key={index}>
                    <Typography.Text type={line.type} style={{ fontSize: 12 }}>
                      {line.text}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
