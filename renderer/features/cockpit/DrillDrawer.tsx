import { Alert, Drawer, Flex, Table, Tag, Typography } from 'antd';
import type { CockpitProjectRow, CockpitVisitRow } from '../../../shared/contract/cockpit';
import { VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { DRILL_PAGE, useCockpit } from './cockpit-store';
import { money } from './format';
import { projectsHref } from './urls';
import { COCKPIT_TEXT } from './text';

const C = COCKPIT_TEXT.columns;
const place = (row: CockpitProjectRow) => [row.targetCity, row.targetCounty].filter(Boolean).join(' ') || '—';

/** The records behind the figure the user clicked; each links to its own page. */
export function DrillDrawer() {
  const { drill, data, closeDrill, drillPage } = useCockpit();
  const result = drill?.result ?? null;
  const listHref = drill && data ? projectsHref(data.filters, drill.figure) : null;
  const pagination = result
    ? { current: Math.floor((drill?.offset ?? 0) / DRILL_PAGE) + 1, pageSize: DRILL_PAGE, total: result.page.total, showSizeChanger: false, onChange: (page: number) => void drillPage((page - 1) * DRILL_PAGE) }
    : false;
  return (
    <Drawer open={drill !== null} onClose={closeDrill} size={960} title={drill ? `${COCKPIT_TEXT.drillTitle}：${drill.title}` : ''} destroyOnHidden>
      {drill?.error && <Alert type="error" showIcon title={drill.error} style={{ marginBottom: 12 }} />}
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="drill-total">
          {result ? COCKPIT_TEXT.rows(result.page.total) : COCKPIT_TEXT.loading}
        </Typography.Text>
        {listHref && <a href={listHref}>{COCKPIT_TEXT.openInProjects}</a>}
      </Flex>
      {result?.kind === 'visits' ? (
        <Table<CockpitVisitRow>
          size="small"
          rowKey="id"
          loading={drill?.loading}
          dataSource={result.page.items}
          pagination={pagination}
          aria-label={drill?.title}
          columns={[
            { title: C.visitDate, dataIndex: 'visitDate', width: 110 },
            { title: C.visitKind, dataIndex: 'kind', width: 110, render: (kind: string) => (VISIT_KIND_LABELS as Record<string, string>)[kind] ?? kind },
            { title: C.company, dataIndex: 'companyName', render: (name: string, row) => <a href={`#/companies/${encodeURIComponent(row.companyId)}`}>{name}</a> },
            { title: C.summary, dataIndex: 'summary', ellipsis: true },
          ]}
        />
      ) : (
        <Table<CockpitProjectRow>
          size="small"
          rowKey="id"
          loading={drill?.loading ?? false}
          dataSource={result?.kind === 'projects' ? result.page.items : []}
          pagination={pagination}
          aria-label={drill?.title}
          scroll={{ x: 1100 }}
          columns={[
            { title: C.project, dataIndex: 'name', fixed: 'left', width: 180, render: (name: string, row) => <a href={`#/projects/${encodeURIComponent(row.id)}`}>{name}</a> },
            { title: C.company, dataIndex: 'companyName', width: 180, render: (name: string, row) => <a href={`#/companies/${encodeURIComponent(row.companyId)}`}>{name}</a> },
            { title: C.stage, dataIndex: 'stage', width: 70, render: (stage: CockpitProjectRow['stage']) => <Tag>{STAGE_LABELS[stage]}</Tag> },
            { title: C.industry, dataIndex: 'industry', width: 120, render: (value: string | null) => value ?? '—' },
            { title: C.place, width: 140, render: (_, row) => place(row) },
            { title: C.park, dataIndex: 'targetPark', width: 120, render: (value: string | null) => value ?? '—' },
            { title: C.signedDate, dataIndex: 'signedDate', width: 100, render: (value: string | null) => value ?? '—' },
            { title: C.signedAmount, dataIndex: 'signedAmountYuan', width: 110, align: 'right', render: (value: number | null) => money(value) },
            { title: C.startDate, dataIndex: 'startDate', width: 100, render: (value: string | null) => value ?? '—' },
            { title: C.productionDate, dataIndex: 'productionDate', width: 100, render: (value: string | null) => value ?? '—' },
            { title: C.funds, dataIndex: 'fundsYuan', width: 130, align: 'right', render: (value: number) => money(value) },
          ]}
        />
      )}
    </Drawer>
  );
}
