import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select } from 'antd';
import { useEffect } from 'react';
import type { ProjectRecord } from '../../../shared/contract';
import { STAGES, type Stage } from '../../../shared/domain/stages';
import { InfiniteTable, sortOrderOf } from '../../components/InfiniteTable';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { useCommands } from '../../lib/commands';
import { useDataVersionOf } from '../../lib/data-version';
import { formatDateTime } from '../../lib/dates';
import { money, text, yi } from '../../lib/format';
import { t } from '../../lib/i18n';
import { companyHref, projectHref } from '../../lib/nav';
import { optionsOf, useReference } from '../../lib/reference-store';
import { DEFAULT_PROJECT_QUERY, useProjectList, type ProjectSort } from './project-list-store';

/** 项目: every project lead, with stage, investment and funds in place. */
export function ProjectsPage() {
  const { items, total, loading, loadingMore, error, query, reload, loadMore } = useProjectList();
  const openProjectForm = useCommands((state) => state.openProjectForm);
  const reference = useReference();
  const version = useDataVersionOf('project');

  useEffect(() => {
    void reload();
  }, [version, reload]);

  const sorter = (key: ProjectSort) => ({ key, sorter: true, sortOrder: sortOrderOf(key, query.sort, query.order), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });
  const filtered = Boolean(query.stage || query.industry || query.targetCity);

  return (
    <section aria-label={t.project.listTitle}>
      <PageHeader
        title={t.project.listTitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openProjectForm()}>
            {t.project.add}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.project.stage}
          allowClear
          style={{ width: 140 }}
          placeholder={t.project.allStages}
          value={query.stage}
          options={STAGES.map((item) => ({ value: item.code, label: item.label }))}
          onChange={(stage?: Stage) => void reload({ stage })}
        />
        <Select
          aria-label={t.project.industry}
          allowClear
          showSearch
          style={{ width: 200 }}
          placeholder={t.project.allIndustries}
          value={query.industry}
          options={optionsOf(reference.industries.items)}
          onChange={(industry?: string) => void reload({ industry })}
        />
        <Select
          aria-label={t.project.targetCity}
          allowClear
          showSearch
          style={{ width: 220 }}
          placeholder={t.project.allCities}
          value={query.targetCity}
          options={optionsOf(reference.guizhouDivisions)}
          onChange={(targetCity?: string) => void reload({ targetCity })}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void reload()}>{t.common.retry}</Button>} style={{ marginBottom: 12 }} />}
      <InfiniteTable<ProjectRecord>
        label={t.project.listTitle}
        items={items}
        total={total}
        loading={loading && items.length === 0}
        loadingMore={loadingMore}
        emptyText={filtered ? t.project.emptyFiltered : t.project.empty}
        onEndReached={() => void loadMore()}
        onSortChange={(sort, order) => void reload(sort ? { sort: sort as ProjectSort, order } : { sort: DEFAULT_PROJECT_QUERY.sort, order: DEFAULT_PROJECT_QUERY.order })}
        resetKey={JSON.stringify(query)}
        columns={[
          { title: t.project.name, dataIndex: 'name', width: 230, ...sorter('name'), render: (name: string, project) => <a href={projectHref(project.id)}>{name}</a> },
          { title: t.project.company, dataIndex: 'companyName', width: 200, render: (name: string, project) => <a href={companyHref(project.companyId)}>{name}</a> },
          { title: t.project.stage, dataIndex: 'stage', width: 90, ...sorter('stage'), render: (stage: Stage) => <StageTag stage={stage} /> },
          { title: t.project.investment, dataIndex: 'investmentYuan', width: 130, align: 'right', ...sorter('investment'), render: yi },
          { title: t.project.fundsInPlace, dataIndex: 'fundsInPlaceYuan', width: 120, align: 'right', render: money },
          { title: t.project.targetCity, dataIndex: 'targetCity', width: 150, render: text },
          { title: t.project.industry, dataIndex: 'industry', width: 120, render: text },
          { title: t.project.updatedAt, dataIndex: 'updatedAt', width: 160, ...sorter('updatedAt'), render: (value: string) => formatDateTime(value) },
        ]}
      />
    </section>
  );
}
