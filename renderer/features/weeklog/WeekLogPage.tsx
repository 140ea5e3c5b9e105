import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WeekNoteRecord } from '../../../shared/contract/week-notes';
import type { WeeklogStatus } from '../../../shared/contract/weeklog';
import { isoWeekOfInstant, shiftWeek, weekLabel } from '../../../shared/weeklog/iso-week';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { PageHeader } from '../../components/PageHeader';
import { useDataVersionOf } from '../../lib/data-version';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/rpc';
import { weeklogRpc } from './api';
import { postForFile, saveBytes } from '../../lib/files-api';

const text = weeklogUi.weeklog;

/** The last twelve ISO weeks, newest first, labelled 2026年第48周（11月23日—11月29日）. */
export function recentWeeks(count = 12): { value: string; label: string }[] {
  const current = isoWeekOfInstant(new Date());
  return Array.from({ length: count }, (_, index) => shiftWeek(current, -index)).map((week) => ({ value: week, label: weekLabel(week) }));
}

function ProfileCard({ onSaved }: { onSaved: (status: WeeklogStatus) => void }) {
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  return (
    <Card title={text.profileTitle} size="small">
      <Typography.Paragraph type="secondary">{text.profileHint}</Typography.Paragraph>
      <Form<{ userName: string; teamName?: string }>
        layout="inline"
        name="weeklog-profile"
        onFinish={async (values) => {
          setSaving(true);
          try {
            onSaved(await weeklogRpc('weeklog.saveProfile', { userName: values.userName, teamName: values.teamName ?? null }));
          } catch (error) {
            message.error(errorMessage(error));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="userName" label={text.userName} rules={[{ required: true, whitespace: true, message: `请输入${text.userName}` }]}>
          <Input maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item name="teamName" label={text.teamName}>
          <Input maxLength={60} placeholder={text.teamNamePlaceholder} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {text.saveProfile}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function NotesCard({ week }: { week: string }) {
  const [form] = Form.useForm<{ summary?: string | null; nextPlan?: string | null; issues?: string | null }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  useEffect(() => {
    let live = true;
    void weeklogRpc('weekNotes.get', { week }).then(
      (note: WeekNoteRecord | null) => live && form.setFieldsValue({ summary: note?.summary ?? '', nextPlan: note?.nextPlan ?? '', issues: note?.issues ?? '' }),
      (error: unknown) => live && message.error(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [week, form, message]);
  return (
    <Card title={text.notesTitle} size="small">
      <Form
        form={form}
        layout="vertical"
        name="week-notes"
        onFinish={async (values) => {
          setSaving(true);
          try {
            await weeklogRpc('weekNotes.save', { week, summary: values.summary ?? null, nextPlan: values.nextPlan ?? null, issues: values.issues ?? null });
            message.success(text.notesSaved);
          } catch (error) {
            message.error(errorMessage(error));
          } finally {
            setSaving(false);
          }
        }}
      >
        <Form.Item name="summary" label={text.summary}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="nextPlan" label={text.nextPlan}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="issues" label={text.issues}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {text.saveNotes}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * 我的周志: the member's narrative for a week, and the weekly-log file for the lead
 * (this week, or everything since the last export), signed by this device.
 */
export function WeekLogPage() {
  const weeks = recentWeeks();
  const [week, setWeek] = useState(weeks[0]!.value);
  const [status, setStatus] = useState<WeeklogStatus | null>(null);
  const [exporting, setExporting] = useState<'week' | 'since-last-export' | null>(null);
  const { message } = App.useApp();
  const version = useDataVersionOf('company', 'contact', 'visit', 'project', 'task');

  const load = useCallback(async () => {
    try {
      setStatus(await weeklogRpc('weeklog.status', { week }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }, [week, message]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const exportFile = async (scope: 'week' | 'since-last-export'): Promise<void> => {
    setExporting(scope);
    try {
      const file = await postForFile('/export-week', { scope, week: scope === 'week' ? week : undefined });
      if (await saveBytes(file)) message.success(text.exported(file.fileName));
      await load();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={text.title}
        extra={<Select aria-label={text.week} value={week} onChange={setWeek} options={weeks} style={{ width: 300 }} />}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {status && !status.userName && <ProfileCard onSaved={setStatus} />}
        <NotesCard week={week} />
        <Card title={text.exportTitle} size="small">
          <Typography.Paragraph type="secondary">{text.exportHint}</Typography.Paragraph>
          {status && (
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={text.userName}>{status.userName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={text.week}>{text.weekChanges(status.weekChanges)}</Descriptions.Item>
              <Descriptions.Item label={text.sinceLastLabel}>{text.sinceLast(status.sinceLastExport)}</Descriptions.Item>
              <Descriptions.Item label={text.lastExportLabel}>{status.lastExport ? text.lastExport(status.lastExport.fileName, formatDateTime(status.lastExport.createdAt)) : text.neverExported}</Descriptions.Item>
              <Descriptions.Item label={text.fingerprint}>
                <Typography.Text code copyable>
                  {status.fingerprint}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {text.fingerprintHint}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Flex gap={8} wrap>
            <Button type="primary" loading={exporting === 'week'} disabled={!status?.userName} onClick={() => void exportFile('week')}>
              {text.exportWeek}
            </Button>
            <Button loading={exporting === 'since-last-export'} disabled={!status?.userName || status.sinceLastExport === 0} onClick={() => void exportFile('since-last-export')}>
              {text.exportSinceLast}
            </Button>
          </Flex>
        </Card>
      </Space>
    </>
  );
}
