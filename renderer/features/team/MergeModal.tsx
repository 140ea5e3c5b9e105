import { App, Modal, Radio, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { MERGE_FIELDS, type CompanyMergeEntry, type DuplicateCompany, type MergeField } from '../../../shared/contract/team';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { errorMessage } from '../../lib/rpc';
import { teamRpc } from './api';

const text = weeklogUi.team;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function shown(field: MergeField, company: DuplicateCompany): string {
  const value = company.values[field];
  if (field === 'owner_user_id') return company.ownerName;
  if (isEmpty(value)) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** The survivor's value, or the first company that has one: what the backend picks by default too. */
function defaultChoices(survivorId: string, companies: readonly DuplicateCompany[]): Record<MergeField, string> {
  const survivor = companies.find((company) => company.id === survivorId)!;
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => [field, isEmpty(survivor.values[field]) ? (companies.find((company) => !isEmpty(company.values[field]))?.id ?? survivorId) : survivorId]),
  ) as Record<MergeField, string>;
}

/** 合并企业: which record survives, and for each field whose value it keeps. */
export function MergeModal({ companies, onClose, onMerged }: { companies: DuplicateCompany[] | null; onClose: () => void; onMerged: (merge: CompanyMergeEntry) => void }) {
  const [survivorId, setSurvivorId] = useState<string>('');
  const [choices, setChoices] = useState<Record<MergeField, string> | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    if (!companies || companies.length === 0) return;
    // The record with the most attached to it survives by default: fewer records move.
    const richest = [...companies].sort((a, b) => total(b) - total(a))[0]!;
    setSurvivorId(richest.id);
    setChoices(defaultChoices(richest.id, companies));
  }, [companies]);

  const rows = useMemo(
    () => MERGE_FIELDS.filter((field) => companies && new Set(companies.map((company) => JSON.stringify(company.values[field]))).size > 1).map((field) => ({ field })),
    [companies],
  );
  if (!companies) return null;
  return (
    <Modal
      open
      title={text.duplicates.mergeTitle}
      okText={text.duplicates.mergeOk}
      confirmLoading={saving}
      width={Math.min(1100, 300 + companies.length * 260)}
      onCancel={onClose}
      onOk={async () => {
        if (!choices) return;
        setSaving(true);
        try {
          const merge = await teamRpc('team.mergeCompanies', { survivorId, mergedIds: companies.filter((c) => c.id !== survivorId).map((c) => c.id), choices });
          onMerged(merge);
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setSaving(false);
        }
      }}
    >
      <Typography.Title level={5}>{text.duplicates.survivor}</Typography.Title>
      <Radio.Group
        value={survivorId}
        onChange={(event) => {
          setSurvivorId(event.target.value as string);
          setChoices(defaultChoices(event.target.value as string, companies));
        }}
        options={companies.map((company) => ({ value: company.id, label: `${company.name}（${company.ownerName}）` }))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 16 }}
      />
      {rows.length > 0 && choices && (
        <>
          <Typography.Title level={5}>{text.duplicates.chooseValues}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={rows}
            columns={[
              { key: 'field', title: text.duplicates.field, width: 130, render: (_, row) => text.fieldLabels[row.field] ?? row.field },
              ...companies.map((company) => ({
                key: company.id,
                title: company.ownerName,
                render: (_: unknown, row: { field: MergeField }) => (
                  <Radio checked={choices[row.field] === company.id} onChange={() => setChoices({ ...choices, [row.field]: company.id })}>
                    {shown(row.field, company)}
                  </Radio>
                ),
              })),
            ]}
          />
        </>
      )}
    </Modal>
  );
}

function total(company: DuplicateCompany): number {
  return company.counts.contacts + company.counts.visits + company.counts.projects + company.counts.tasks;
}
