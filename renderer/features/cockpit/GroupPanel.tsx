import { Card, Table, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { GROUP_DIMENSIONS, type CockpitData, type GroupDimension } from '../../../shared/contract/cockpit';
import { ChartCard } from './ChartCard';
import { groupOption } from './charts';
import { useCockpit } from './cockpit-store';
import { money } from './format';
import { NumberLink } from './NumberLink';
import { COCKPIT_TEXT, GROUP_LABELS } from './text';

/** Projects and money by industry, place, member and team: a chart and a table whose every number opens its records. */
export function GroupPanel({ data }: { data: CockpitData }) {
  const [dimension, setDimension] = useState<GroupDimension>('industry');
  const openDrill = useCockpit((state) => state.openDrill);
  const rows = data.groups[dimension];
  const option = useMemo(() => groupOption(rows), [rows]);
  const placeTitle = data.placeLevel === 'county' ? '按落地县（区）' : '按落地市（州）';
  const label = (by: GroupDimension) => (by === 'place' ? placeTitle : GROUP_LABELS[by]);
  return (
    <Card size="small" title={COCKPIT_TEXT.groups} className="qz-cockpit-card">
      <Tabs activeKey={dimension} onChange={(key) => setDimension(key as GroupDimension)} items={GROUP_DIMENSIONS.map((by) => ({ key: by, label: label(by) }))} />
      <ChartCard
        title={label(dimension)}
        fileName={`驾驶舱_${label(dimension)}`}
        option={option}
        height={Math.max(200, rows.length * 36 + 60)}
        onItemClick={({ dataIndex }) => {
          const row = rows[dataIndex];
          if (row) void openDrill({ type: 'group', by: dimension, key: row.key, measure: 'signed' }, `${label(dimension)} · ${row.label}`);
        }}
      />
      <Table
        size="small"
        rowKey={(row) => row.key ?? '∅'}
        pagination={false}
        dataSource={rows}
        style={{ marginTop: 8 }}
        columns={[
          { title: label(dimension).replace(/^按/, ''), dataIndex: 'label' },
          {
            title: COCKPIT_TEXT.pipeline,
            align: 'right',
            render: (_, row) => <NumberLink figure={{ type: 'group', by: dimension, key: row.key, measure: 'pipeline' }} title={`${row.label} ${COCKPIT_TEXT.pipeline}`}>{row.pipeline}</NumberLink>,
          },
          {
            title: COCKPIT_TEXT.signed,
            align: 'right',
            render: (_, row) => <NumberLink figure={{ type: 'group', by: dimension, key: row.key, measure: 'signed' }} title={`${row.label} ${COCKPIT_TEXT.signed}`}>{row.signed}</NumberLink>,
          },
          {
            title: COCKPIT_TEXT.signedAmount,
            align: 'right',
            render: (_, row) => <NumberLink figure={{ type: 'group', by: dimension, key: row.key, measure: 'signed' }} title={`${row.label} ${COCKPIT_TEXT.signedAmount}`}>{money(row.signedAmountYuan)}</NumberLink>,
          },
          {
            title: COCKPIT_TEXT.fundsInPlace,
            align: 'right',
            render: (_, row) => <NumberLink figure={{ type: 'group', by: dimension, key: row.key, measure: 'funds' }} title={`${row.label} ${COCKPIT_TEXT.fundsInPlace}`}>{money(row.fundsYuan)}</NumberLink>,
          },
        ]}
      />
    </Card>
  );
}
