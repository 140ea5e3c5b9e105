import { Alert, Button, DatePicker, Flex, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { LedgerColumnInfo } from '../../../shared/contract/ledger';
import { LEDGER_FIELD_KEYS, LEDGER_FIELDS, type LedgerFieldKey, type LedgerFieldSpec } from '../../../shared/ledger/fields';
import { useLedger } from './ledger-store';
import { LEDGER_TEXT } from './text';

const T = LEDGER_TEXT;
const FIELD_OPTIONS = [{ value: '', label: T.ignore }, ...LEDGER_FIELD_KEYS.map((key) => ({ value: key, label: LEDGER_FIELDS[key].label }))];
const UNIT_OPTIONS = ['亿元', '万元', '元'].map((unit) => ({ value: unit, label: unit }));

/** The guessed column → field mapping, editable: sheet, header rows, field and unit per column. */
export function MappingStep() {
  const { inspection, choices, header, fundsAsOf, busy, reinspect, setChoice, setFundsAsOf, preview, back } = useLedger();
  if (!inspection) return null;
  const missing = (['companyName', 'projectName'] as const).filter((field) => !choices.some((choice) => choice.field === field));
  const fieldOf = (column: number) => choices.find((choice) => choice.column === column);
  const setHeader = (patch: Partial<{ first: number; last: number }>) => {
    const next = { first: header?.first ?? 0, last: header?.last ?? 0, ...patch };
    if (next.last < next.first) next.last = next.first;
    void reinspect(inspection.sheet, next);
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={16} wrap align="center">
        <Space>
          <span>{T.sheet}</span>
          <Select aria-label={T.sheet} style={{ minWidth: 180 }} value={inspection.sheet} options={inspection.sheets.map((sheet) => ({ value: sheet.name, label: `${sheet.name}（${sheet.rowCount} 行）` }))} onChange={(sheet: string) => void reinspect(sheet)} />
        </Space>
        <Space>
          <span>{T.headerRows}</span>
          {T.headerFrom}
          <InputNumber aria-label="表头起始行" min={1} max={1000} value={header ? header.first + 1 : null} onChange={(value) => value && setHeader({ first: Number(value) - 1 })} style={{ width: 70 }} />
          {T.headerTo}
          <InputNumber aria-label="表头结束行" min={1} max={1000} value={header ? header.last + 1 : null} onChange={(value) => value && setHeader({ last: Number(value) - 1 })} style={{ width: 70 }} />
          {T.headerRowSuffix}
        </Space>
        <Space>
          <span title={T.fundsAsOfHint}>{T.fundsAsOf}</span>
          <DatePicker aria-label={T.fundsAsOf} value={fundsAsOf ? dayjs(fundsAsOf) : null} onChange={(value) => setFundsAsOf(value ? value.format('YYYY-MM-DD') : null)} />
        </Space>
      </Flex>
      {!header && <Alert type="warning" showIcon title={T.noHeader} />}
      {missing.length > 0 && header && <Alert type="warning" showIcon title={`请指定：${missing.map((field) => LEDGER_FIELDS[field].label).join('、')}`} />}
      <Table<LedgerColumnInfo>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={inspection.columns}
        aria-label="列对应"
        columns={[
          { title: T.column, dataIndex: 'letter', width: 56 },
          { title: T.columnTitle, dataIndex: 'title', width: 240, render: (title: string) => title || <Typography.Text type="secondary">—</Typography.Text> },
          { title: T.samples, dataIndex: 'samples', render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' | ')}</Typography.Text> },
          {
            title: T.field,
            width: 200,
            render: (_, column) => (
              <Select
                aria-label={`${column.letter} 列${T.field}`}
                style={{ width: '100%' }}
                showSearch
                optionFilterProp="label"
                value={fieldOf(column.column)?.field ?? ''}
                options={FIELD_OPTIONS}
                onChange={(value: string) => setChoice(column.column, { field: value === '' ? null : (value as LedgerFieldKey), unit: null })}
              />
            ),
          },
          {
            title: T.unit,
            width: 110,
            render: (_, column) => {
              const field = fieldOf(column.column)?.field;
              if (!field || LEDGER_FIELDS[field].kind !== 'amount') return null;
              const spec: LedgerFieldSpec = LEDGER_FIELDS[field];
              return (
                <Select
                  aria-label={`${column.letter} 列${T.unit}`}
                  style={{ width: '100%' }}
                  value={fieldOf(column.column)?.unit ?? column.headerUnit ?? spec.defaultUnit}
                  options={UNIT_OPTIONS}
                  onChange={(unit: '亿元' | '万元' | '元') => setChoice(column.column, { unit })}
                />
              );
            },
          },
        ]}
      />
      <Flex gap={8} justify="flex-end">
        <Button onClick={back}>{T.reselect}</Button>
        <Button type="primary" loading={busy} disabled={!header || missing.length > 0} onClick={() => void preview()}>
          {T.preview}
        </Button>
      </Flex>
    </Flex>
  );
}
