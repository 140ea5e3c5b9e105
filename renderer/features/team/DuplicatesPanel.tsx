import { App, Button, Card, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CompanyMergeEntry, DuplicateCompany, DuplicateGroup } from '../../../shared/contract/team';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { dataChanged, useDataVersionOf } from '../../lib/data-version';
import { formatDateTime } from '../../lib/dates';
import { companyHref } from '../../lib/nav';
import { errorMessage } from '../../lib/rpc';
import { teamRpc } from './api';
import { MergeModal } from './MergeModal';

const text = weeklogUi.team.duplicates;

/**
 * 重复企业: companies that look like one (same credit code, names alike, a shared contact
 * mobile), for the lead to merge — every merge can be undone — or to mark as different.
 */
export function DuplicatesPanel() {
  const [groups, setGroups] = useState<DuplicateGroup[] | null>(null);
  const [merges, setMerges] = useState<CompanyMergeEntry[]>([]);
  const [merging, setMerging] = useState<DuplicateCompany[] | null>(null);
  const { message } = App.useApp();
  const version = useDataVersionOf('company', 'contact');

  const load = useCallback(async () => {
    try {
      const [found, history] = await Promise.all([teamRpc('team.duplicates', {}), teamRpc('team.merges', {})]);
      setGroups(found);
      setMerges(history);
    } catch (error) {
      message.error(errorMessage(error));
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const undo = async (mergeId: string): Promise<void> => {
    try {
      const result = await teamRpc('team.undoMerge', { mergeId });
      const kept = result.keptFields.map((field) => weeklogUi.team.fieldLabels[field] ?? field);
      message.success(kept.length > 0 ? text.undoKept(kept.join('、')) : text.undone);
      dataChanged('company', 'contact', 'visit', 'project', 'task');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const dismiss = async (group: DuplicateGroup): Promise<void> => {
    try {
      await teamRpc('team.dismissDuplicate', { companyIds: group.companies.map((company) => company.id) });
      message.success(text.dismissed);
      await load();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {groups?.length === 0 && <Empty description={text.empty} />}
      {groups?.map((group) => {
        const mergeable = group.companies.filter((company) => !company.otherTeam);
        return (
          <Card
            key={group.key}
            size="small"
            title={
              <Flex gap={4} wrap>
                {group.reasons.map((reason) => (
                  <Tag key={reason} color="blue">
                    {text.reasons[reason]}
                  </Tag>
                ))}
                {group.crossMember && <Tag>{text.crossMember}</Tag>}
                {group.otherTeamCourting && <Tag color="volcano">{text.otherTeam}</Tag>}
              </Flex>
            }
            extra={
              <Flex gap={8}>
                <Button type="primary" size="small" disabled={mergeable.length < 2} onClick={() => setMerging(mergeable)}>
                  {text.merge}
                </Button>
                <Button size="small" onClick={() => void dismiss(group)}>
                  {text.notSame}
                </Button>
              </Flex>
            }
          >
            <Table<DuplicateCompany>
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={group.companies}
              columns={[
                { key: 'name', title: weeklogUi.team.fieldLabels.name, render: (_, company) => <a href={companyHref(company.id)}>{company.name}</a> },
                { key: 'code', title: text.creditCode, render: (_, company) => company.creditCode ?? '—' },
                { key: 'owner', title: text.owner, width: 90, render: (_, company) => company.ownerName },
                { key: 'counts', title: '', render: (_, company) => <Typography.Text type="secondary">{text.counts(company.counts)}</Typography.Text> },
                { key: 'team', title: '', width: 140, render: (_, company) => (company.otherTeam ? <Tag color="volcano" title={text.otherTeamHint}>{text.otherTeam}</Tag> : null) },
              ]}
            />
          </Card>
        );
      })}
      {merges.length > 0 && (
        <Card size="small" title={text.historyTitle}>
          <List
            size="small"
            dataSource={merges}
            renderItem={(merge) => (
              <List.Item
                actions={[
                  merge.undoneAt ? (
                    <Typography.Text key="undone" type="secondary">
                      {text.undoneAt}
                    </Typography.Text>
                  ) : (
                    <Button key="undo" size="small" onClick={() => void undo(merge.id)}>
                      {text.undo}
                    </Button>
                  ),
                ]}
              >
                {text.historyLine(merge.survivorName, merge.mergedNames.join('、'))}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatDateTime(merge.mergedAt)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      <MergeModal
        companies={merging}
        onClose={() => setMerging(null)}
        onMerged={(merge) => {
          setMerging(null);
          message.success({
            content: (
              <span>
                {text.merged(merge.survivorName)}{' '}
                <Button type="link" size="small" onClick={() => void undo(merge.id)}>
                  {text.undo}
                </Button>
              </span>
            ),
            duration: 8,
          });
          dataChanged('company', 'contact', 'visit', 'project', 'task');
        }}
      />
    </Space>
  );
}
