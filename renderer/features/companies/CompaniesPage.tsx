import { Alert, Button, Table } from 'antd';
import { useEffect } from 'react';
import type { CompanySummary } from '../../../shared/contract';
import { t } from '../../lib/i18n';
import { AddCompanyForm } from './AddCompanyForm';
import { useCompanies } from './company-store';

const dateTime = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

export function CompaniesPage() {
  const { items, total, loading, error, load } = useCompanies();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-label={t.company.listTitle}>
      <h2>{t.company.listTitle}</h2>
      <AddCompanyForm />
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>{t.common.retry}</Button>} style={{ marginBottom: 16 }} />}
      <Table<CompanySummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t.company.empty }}
        pagination={{ showTotal: () => t.common.total(total), pageSize: 20 }}
        columns={[
          { title: t.company.name, dataIndex: 'name' },
          { title: t.company.createdAt, dataIndex: 'createdAt', width: 200, render: (value: string) => dateTime.format(new Date(value)) },
        ]}
      />
    </section>
  );
}
