import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { VisitRecord } from '../../../shared/contract';
import { INTENT_LEVEL_LABELS, INTENT_LEVELS, VISIT_KIND_LABELS, VISIT_KINDS, type IntentLevel, type VisitKind } from '../../../shared/domain/reference';
import { InfiniteTable, sortOrderOf } from '../../components/InfiniteTable';
import { KeyHint } from '../../components/KeyHint';
import { PageHeader } from '../../components/PageHeader';
import { useCommands } from '../../lib/commands';
import { useDataVersionOf } from '../../lib/data-version';
import { dayjsFromIso, isoFromDayjs } from '../../lib/dates';
import { text } from '../../lib/format';
import { t } from '../../lib/i18n';
import { companyHref } from '../../lib/nav';
import { useSoftDelete } from '../../lib/soft-delete';
import { DEFAULT_VISIT_QUERY, useVisitList, type VisitSort } from './visit-list-store';

const INTENT_COLORS = { strong: 'red', medium: 'orange', weak: 'default' } as const;

/** 走访记录: every visit, newest first, filtered by kind, intent and date range. */
export function VisitsPage() {
  const { items, total, loading, loadingMore, error, query, reload, loadMore } = useVisitList();
  const openVisitForm = useCommands((state) => state.openVisitForm);
  const version = useDataVersionOf('visit');
  const softDelete = useSoftDelete();

  useEffect(() => {
    void reload();
  }, [version, reload]);

  const sorter = (key: VisitSort) => ({ key, sorter: true, sortOrder: sortOrderOf(key, query.sort, query.order), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });
  const filtered = Boolean(query.kind || query.intent || query.dateFrom || query.dateTo);

  return (
    <section aria-label={t.visit.listTitle}>
      <PageHeader
        title={t.visit.listTitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openVisitForm()}>
            {t.visit.add} <KeyHint>Alt+N</KeyHint>
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.visit.kind}
          allowClear
          style={{ width: 170 }}
          placeholder={t.visit.allKinds}
          value={query.kind}
          options={VISIT_KINDS.map((item) => ({ value: item.code, label: item.label }))}
          onChange={(kind?: VisitKind) => void reload({ kind })}
        />
        <Select
          aria-label={t.visit.intent}
          allowClear
          style={{ width: 150 }}
          placeholder={t.visit.allIntents}
          value={query.intent}
          options={INTENT_LEVELS.map((item) => ({ value: item.code, label: item.label }))}
          onChange={(intent?: IntentLevel) => void reload({ intent })}
        />
        <Space>
          <Typography.Text type="secondary">{t.visit.dateRange}</Typography.Text>
          <DatePicker.RangePicker
            aria-label={t.visit.dateRange}
            value={[dayjsFromIso(query.dateFrom), dayjsFromIso(query.dateTo)]}
            allowEmpty={[true, true]}
            onChange={(range) => void reload({ dateFrom: isoFromDayjs(range?.[0]) ?? undefined, dateTo: isoFromDayjs(range?.[1]) ?? undefined })}
          />
        </Space>
      </Flex>
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void reload()}>{t.common.retry}</Button>} style={{ marginBottom: 12 }} />}
      <InfiniteTable<VisitRecord>
        label={t.visit.listTitle}
        items={items}
        total={total}
        loading={loading && items.length === 0}
        loadingMore={loadingMore}
        emptyText={filtered ? t.visit.emptyFiltered : t.visit.empty}
        onEndReached={() => void loadMore()}
        onSortChange={(sort, order) => void reload(sort ? { sort: sort as VisitSort, order } : { sort: DEFAULT_VISIT_QUERY.sort, order: DEFAULT_VISIT_QUERY.order })}
        resetKey={JSON.stringify(query)}
        columns={[
          { title: t.visit.visitDate, dataIndex: 'visitDate', width: 110, ...sorter('visitDate') },
          { title: t.visit.company, dataIndex: 'companyName', width: 230, render: (name: string, visit) => <a href={companyHref(visit.companyId)}>{name}</a> },
          { title: t.visit.kind, dataIndex: 'kind', width: 110, ...sorter('kind'), render: (kind: VisitKind) => <Tag color="blue">{VISIT_KIND_LABELS[kind]}</Tag> },
          {
            title: t.visit.intent,
            dataIndex: 'intent',
            width: 90,
            ...sorter('intent'),
            render: (intent: IntentLevel | null) => (intent ? <Tag color={INTENT_COLORS[intent]}>{INTENT_LEVEL_LABELS[intent]}</Tag> : t.common.empty),
          },
          { title: t.visit.summary, dataIndex: 'summary', width: 270, ellipsis: true, render: text },
          { title: t.visit.nextStep, dataIndex: 'nextStep', width: 180, ellipsis: true, render: text },
          { title: t.visit.followUpDate, dataIndex: 'followUpDate', width: 110, render: text },
          {
            title: t.common.actions,
            key: 'actions',
            width: 110,
            render: (_: unknown, visit) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => openVisitForm({ visit })}>
                  {t.common.edit}
                </Button>
                <Button type="link" size="small" danger onClick={() => void softDelete('visit', visit.id, t.visit.what(visit.companyName, visit.visitDate))}>
                  {t.common.delete}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
