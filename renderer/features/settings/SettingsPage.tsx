import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { RpcError } from '../../../shared/rpc-client';
import { KeyHint } from '../../components/KeyHint';
import { PageHeader } from '../../components/PageHeader';
import { dataChanged } from '../../lib/data-version';
import { t } from '../../lib/i18n';
import { useReference, useReferenceStore } from '../../lib/reference-store';
import { errorMessage, rpc } from '../../lib/rpc';

interface Row {
  key: number;
  name: string;
}

let nextKey = 0;
const rowsOf = (items: readonly string[]): Row[] => items.map((name) => ({ key: nextKey++, name }));

function problemOf(rows: Row[]): string | null {
  const names = rows.map((row) => row.name.trim());
  if (names.some((name) => name === '')) return t.settings.emptyIndustry;
  if (new Set(names).size !== names.length) return t.settings.duplicateIndustry;
  return null;
}

/** 重点产业目录: the admin-editable, versioned list every industry select offers. */
function IndustriesCard() {
  const { industries } = useReference();
  const { setIndustries, load } = useReferenceStore();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(industries.items));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { message } = App.useApp();

  useEffect(() => setRows(rowsOf(industries.items)), [industries]);

  const save = async (): Promise<void> => {
    const found = problemOf(rows);
    setProblem(found);
    if (found) return;
    setSaving(true);
    try {
      const saved = await rpc('reference.saveIndustries', { baseVersion: industries.version, items: rows.map((row) => row.name.trim()) });
      setIndustries(saved);
      dataChanged('reference');
      message.success(t.settings.saved(saved.version));
    } catch (error) {
      message.error(errorMessage(error));
      // Someone else saved a newer version: show theirs.
      if (error instanceof RpcError && error.code === 'E_CONFLICT') void load();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t.settings.industries} extra={<Typography.Text type="secondary">{t.settings.version(industries.version)}</Typography.Text>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t.settings.industriesHelp}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%', maxWidth: 520 }}>
        {rows.map((row, index) => (
          <Flex key={row.key} gap={8}>
            <Input
              aria-label={t.settings.industryName(index + 1)}
              value={row.name}
              maxLength={50}
              placeholder={t.settings.industryPlaceholder}
              onChange={(event) => setRows(rows.map((item) => (item.key === row.key ? { ...item, name: event.target.value } : item)))}
              onPressEnter={() => void save()}
            />
            <Button aria-label={t.settings.removeIndustry(row.name)} icon={<DeleteOutlined />} disabled={rows.length <= 1} onClick={() => setRows(rows.filter((item) => item.key !== row.key))} />
          </Flex>
        ))}
        {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
        <Flex gap={8}>
          <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, { key: nextKey++, name: '' }])}>
            {t.settings.addIndustry}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t.common.save}
          </Button>
        </Flex>
      </Space>
    </Card>
  );
}

function ShortcutsCard() {
  const rows: [string, string][] = [
    [t.shortcuts.search, t.shortcuts.searchKeys],
    [t.shortcuts.newVisit, t.shortcuts.newVisitKeys],
    [t.shortcuts.submit, t.shortcuts.submitKeys],
    [t.shortcuts.close, t.shortcuts.closeKeys],
  ];
  return (
    <Card size="small" title={t.shortcuts.title}>
      <Descriptions size="small" column={1} items={rows.map(([label, keys]) => ({ key: label, label, children: <KeyHint>{keys}</KeyHint> }))} />
    </Card>
  );
}

export function SettingsPage() {
  return (
    <section aria-label={t.settings.title}>
      <PageHeader title={t.settings.title} />
      <IndustriesCard />
      <ShortcutsCard />
    </section>
  );
}
