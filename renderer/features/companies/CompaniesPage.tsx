import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select } from 'antd';
import { useEffect } from 'react';
import type { CompanySummary } from '../../../shared/contract';
import { InfiniteTable, sortOrderOf } from '../../components/InfiniteTable';
import { PageHeader } from '../../components/PageHeader';
import { useCommands } from '../../lib/commands';
import { useDataVersionOf } from '../../lib/data-version';
import { formatDateTime } from '../../lib/dates';
import { text } from '../../lib/format';
import { t } from '../../lib/i18n';
import { companyHref } from '../../lib/nav';
import { optionsOf, useReference } from '../../lib/reference-store';
import { DEFAULT_COMPANY_QUERY, useCompanyList, type CompanySort } from './company-list-store';

/** 企业名录: every company, virtualised, filtered and sorted by the backend. */
export function CompaniesPage() {
  const { items, total, loading, loadingMore, error, query, reload, loadMore } = useCompanyList();
  const openCompanyForm = useCommands((state) => state.openCompanyForm);
  const reference = useReference();
  const version = useDataVersionOf('company');

  useEffect(() => {
    void reload();
  }, [version, reload]);

  const sorter = (key: CompanySort) => ({ key, sorter: true, sortOrder: sortOrderOf(key, query.sort, query.order), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });
  const filtered = Boolean(query.industry || query.district);

  return (
    <section aria-label={t.company.listTitle}>
      <PageHeader
        title={t.company.listTitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openCompanyForm()}>
            {t.company.add}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.company.industry}
          allowClear
          showSearch
          style={{ width: 200 }}
          placeholder={t.company.allIndustries}
          value={query.industry}
          options={optionsOf(reference.industries.items)}
          onChange={(industry?: string) => void reload({ industry })}
        />
        <Select
          aria-label={t.company.district}
          allowClear
          showSearch
          style={{ width: 180 }}
          placeholder={t.company.allDistricts}
          value={query.district}
          options={[
            { label: t.company.shenzhenGroup, options: optionsOf(reference.shenzhenDistricts) },
            { label: t.company.guangdongGroup, options: optionsOf(reference.guangdongCities.filter((city) => city !== '深圳市')) },
          ]}
          onChange={(district?: string) => void reload({ district })}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void reload()}>{t.common.retry}</Button>} style={{ marginBottom: 12 }} />}
      <InfiniteTable<CompanySummary>
        label={t.company.listTitle}
        items={items}
        total={total}
        loading={loading && items.length === 0}
        loadingMore={loadingMore}
        emptyText={filtered ? t.company.emptyFiltered : t.company.empty}
        onEndReached={() => void loadMore()}
        onSortChange={(sort, order) => void reload(sort ? { sort: sort as CompanySort, order } : { sort: DEFAULT_COMPANY_QUERY.sort, order: DEFAULT_COMPANY_QUERY.order })}
        resetKey={JSON.stringify(query)}
        columns={[
          {
            title: t.company.name,
            dataIndex: 'name',
            width: 320,
            ...sorter('name'),
            render: (name: string, company) => <a href={companyHref(company.id)}>{name}</a>,
          },
          { title: t.company.creditCode, dataIndex: 'creditCode', width: 200, render: (value: string | null) => (value ? <span style={{ fontFamily: 'monospace' }}>{value}</span> : t.common.empty) },
          { title: t.company.industry, dataIndex: 'industry', width: 160, ...sorter('industry'), render: text },
          { title: t.company.district, dataIndex: 'district', width: 130, ...sorter('district'), render: text },
          { title: t.company.createdAt, dataIndex: 'createdAt', width: 180, ...sorter('createdAt'), render: (value: string) => formatDateTime(value) },
          { title: t.company.updatedAt, dataIndex: 'updatedAt', width: 180, ...sorter('updatedAt'), render: (value: string) => formatDateTime(value) },
        ]}
      />
    </section>
  );
}
