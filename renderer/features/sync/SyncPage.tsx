import { Alert, App, Badge, Button, Card, Descriptions, Empty, Form, Input, List, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SyncAttentionItem, SyncConflictItem, SyncStatusView } from '../../../shared/contract/sync';
import { errorMessage } from '../../lib/rpc';
import { syncRpc, syncWhenOnline } from './sync-api';

const ENTITY_LABELS: Record<string, string> = {
  company: '企业',
  contact: '联系人',
  visit: '走访',
  project: '项目',
  project_stage_event: '项目阶段',
  funds_entry: '到位资金',
  task: '待办',
};

const FIELD_LABELS: Record<string, string> = { notes: '备注', summary: '走访纪要', outcome: '走访成果', next_step: '下一步', deleted: '删除状态' };

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (value === true) return '已删除';
  if (value === false) return '未删除';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function formatTime(iso: string | null): string {
  if (!iso) return '从未';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
}

function EnrollForm({ onDone }: { onDone: (status: SyncStatusView) => void }) {
  const [form] = Form.useForm<{ platformUrl: string; code: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const onFinish = async (values: { platformUrl: string; code: string }): Promise<void> => {
    setSaving(true);
    try {
      const status = await syncRpc('sync.enroll', { platformUrl: values.platformUrl ?? '', code: values.code ?? '' });
      message.success('设备已注册，正在同步');
      onDone(status);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="注册本设备" size="small">
      <Form form={form} layout="vertical" name="sync-enroll" onFinish={(values) => void onFinish(values)} aria-label="注册本设备">
        <Form.Item name="platformUrl" label="平台地址" rules={[{ required: true, message: '请填写平台地址' }]}>
          <Input placeholder="https://platform.example.gov.cn" autoComplete="url" />
        </Form.Item>
        <Form.Item name="code" label="注册码" rules={[{ required: true, message: '请填写注册码' }]} extra="管理员提供的一次性注册码，例如 7KQ2-ABCD-EFGH-JKMN">
          <Input placeholder="XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          注册
        </Button>
      </Form>
    </Card>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: SyncConflictItem; onResolved: (items: SyncConflictItem[]) => void }) {
  const [choice, setChoice] = useState<'kept' | 'other'>('kept');
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const resolve = async (): Promise<void> => {
    setSaving(true);
    try {
      const { items } = await syncRpc('sync.resolveConflict', { id: conflict.id, choice });
      message.success('已处理，另一个值仍保存在修改历史中');
      onResolved(items);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const label = `${ENTITY_LABELS[conflict.entity] ?? conflict.entity} · ${FIELD_LABELS[conflict.field] ?? conflict.field}`;
  return (
    <Card size="small" title={label} data-testid="sync-conflict" extra={conflict.kind === 'deleted' ? <Tag color="red">已被删除的记录上有修改</Tag> : <Tag color="orange">两台设备都改了</Tag>}>
      <Radio.Group value={choice} onChange={(event) => setChoice(event.target.value as 'kept' | 'other')} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio value="kept" aria-label="保留当前值">
            <Typography.Text strong>当前值：</Typography.Text>
            <span data-testid="conflict-kept">{show(conflict.kept.value)}</span>
          </Radio>
          <Radio value="other" aria-label="改用另一个值">
            <Typography.Text strong>另一个值：</Typography.Text>
            <span data-testid="conflict-other">{show(conflict.other.value)}</span>
          </Radio>
        </Space>
      </Radio.Group>
      <div style={{ marginTop: 12 }}>
        <Button type="primary" size="small" loading={saving} onClick={() => void resolve()}>
          确定
        </Button>
      </div>
    </Card>
  );
}

export function SyncPage() {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [attention, setAttention] = useState<SyncAttentionItem[]>([]);
  const [conflicts, setConflicts] = useState<SyncConflictItem[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [browserOnline, setBrowserOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [notice, setNotice] = useState<string | null>(null);
  const { message, modal } = App.useApp();

  const refresh = useCallback(async (): Promise<void> => {
    try {
      const [next, needs, open] = await Promise.all([syncRpc('sync.status', {}), syncRpc('sync.attention', {}), syncRpc('sync.conflicts', {})]);
      setStatus(next);
      setAttention(needs.items);
      setConflicts(open.items);
    } catch (error) {
      setNotice(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), 2000);
    const stop = syncWhenOnline();
    const up = (): void => setBrowserOnline(true);
    const down = (): void => setBrowserOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.clearInterval(timer);
      stop();
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [refresh]);

  const syncNow = async (): Promise<void> => {
    setSyncing(true);
    try {
      const result = await syncRpc('sync.now', {});
      setStatus(result.status);
      if (result.outcome === 'ok') message.success('同步完成');
      else if (result.message) setNotice(result.message);
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSyncing(false);
    }
  };

  const confirmMassDelete = (): void => {
    if (!status?.massDelete) return;
    modal.confirm({
      title: '确认删除',
      content: `平台上的变更会删除本机 ${status.massDelete.liveRows} 条记录中的 ${status.massDelete.deletions} 条。确定继续吗？删除的记录可以恢复。`,
      okText: '继续同步',
      cancelText: '暂不',
      onOk: async () => {
        const result = await syncRpc('sync.confirmMassDelete', {});
        setStatus(result.status);
        await refresh();
      },
    });
  };

  const online = browserOnline && status?.online !== false;
  const firstSync = status !== null && status.running && status.lastSuccessAt === null;

  return (
    <div style={{ padding: 24, maxWidth: 960 }}>
      <Typography.Title level={3}>同步</Typography.Title>
      {notice ? <Alert type="warning" showIcon closable message={notice} onClose={() => setNotice(null)} style={{ marginBottom: 16 }} /> : null}
      {status?.blocked ? <Alert type="error" showIcon message="同步已暂停" description={status.blocked} style={{ marginBottom: 16 }} /> : null}
      {status?.massDelete ? (
        <Alert
          type="warning"
          showIcon
          message={`这次同步会删除 ${status.massDelete.deletions} 条记录（本机共 ${status.massDelete.liveRows} 条），已暂停等待确认`}
          action={
            <Button size="small" danger onClick={confirmMassDelete}>
              查看并确认
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {status && !status.enrolled ? (
        <EnrollForm onDone={(next) => setStatus(next)} />
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={2} size="small">
            <Descriptions.Item label="网络">
              {online ? <Badge status="success" text="在线" /> : <Badge status="default" text="离线（修改保存在本机，联网后自动上传）" />}
            </Descriptions.Item>
            <Descriptions.Item label="平台地址">{status?.platformUrl ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="待上传的修改">
              <span data-testid="sync-pending">{status?.pendingChanges ?? 0}</span>
            </Descriptions.Item>
            <Descriptions.Item label="上次成功同步">
              <span data-testid="sync-last-ok">{formatTime(status?.lastSuccessAt ?? null)}</span>
            </Descriptions.Item>
            {status?.lastError ? <Descriptions.Item label="上次失败原因">{status.lastError}</Descriptions.Item> : null}
          </Descriptions>
          {firstSync ? (
            <div style={{ marginTop: 12 }}>
              <Typography.Text>首次同步中，已接收 {status.progress.pulled} 条变更</Typography.Text>
              <Progress percent={99} status="active" showInfo={false} />
            </div>
          ) : null}
          <Button type="primary" onClick={() => void syncNow()} loading={syncing || status?.running === true} style={{ marginTop: 12 }}>
            立即同步
          </Button>
        </Card>
      )}

      <Card size="small" title={`冲突（${conflicts.length}）`} style={{ marginBottom: 16 }}>
        {conflicts.length === 0 ? (
          <Empty description="没有冲突" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">同一段文字在两台设备上都被修改过。请选择要保留的值；没选中的值不会丢失，仍在修改历史中。</Typography.Text>
            {conflicts.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} onResolved={(items) => setConflicts(items)} />
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title={`需要处理（${attention.length}）`}>
        {attention.length === 0 ? (
          <Empty description="没有需要处理的修改" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            dataSource={attention}
            renderItem={(item) => (
              <List.Item data-testid="sync-attention">
                <List.Item.Meta title={`${ENTITY_LABELS[item.entity] ?? item.entity}：${show(item.fields.name ?? item.fields.title ?? item.rowId)}`} description={item.message} />
                <Tag>{item.code}</Tag>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
