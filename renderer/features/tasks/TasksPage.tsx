import { Alert, App, Badge, Button, Card, Checkbox, Col, Form, Input, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TASK_VIEWS, type TaskRecord, type TaskView } from '../../../shared/contract';
import { CompanySelect } from '../../components/CompanySelect';
import { DateInput } from '../../components/DateInput';
import { PageHeader } from '../../components/PageHeader';
import { dataChanged, useDataVersionOf } from '../../lib/data-version';
import { daysSince, formatDateTime, todayIso } from '../../lib/dates';
import { showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { companyHref, projectHref } from '../../lib/nav';
import { errorMessage, rpc } from '../../lib/rpc';
import { useSoftDelete } from '../../lib/soft-delete';
import { useTasks } from './task-store';

interface NewTask {
  title?: string;
  dueDate?: string | null;
  companyId?: string | null;
}

function AddTaskForm() {
  const [form] = Form.useForm<NewTask>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const onFinish = async (values: NewTask): Promise<void> => {
    setSaving(true);
    try {
      const task = await rpc('tasks.create', { title: values.title ?? '', dueDate: values.dueDate ?? '', companyId: values.companyId ?? null });
      message.success(t.task.saved(task.title));
      form.resetFields(['title', 'companyId']);
      dataChanged('task', 'company');
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: ['title', 'dueDate', 'companyId'] })) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<NewTask> form={form} name="task-form" layout="vertical" initialValues={{ dueDate: todayIso() }} onFinish={(values) => void onFinish(values)} aria-label={t.task.add}>
      <Row gutter={8} align="bottom">
        <Col flex="auto">
          <Form.Item name="title" label={t.task.item} rules={[{ required: true, whitespace: true, message: t.common.required(t.task.item) }]}>
            <Input maxLength={200} placeholder={t.task.itemPlaceholder} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col flex="160px">
          <Form.Item name="dueDate" label={t.task.dueDate} rules={[{ required: true, message: t.common.choose(t.task.dueDate) }]}>
            <DateInput allowClear={false} />
          </Form.Item>
        </Col>
        <Col flex="260px">
          <Form.Item name="companyId" label={t.task.company}>
            <CompanySelect placeholder={t.visit.companyPlaceholder} />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t.task.add}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** 待办: today, overdue, this week, all open, done — one click marks done (and 撤销 undoes). */
export function TasksPage() {
  const { view, items, counts, openCount, loading, error, setView, load, drop } = useTasks();
  const version = useDataVersionOf('task');
  const { message } = App.useApp();
  const softDelete = useSoftDelete();

  useEffect(() => {
    void load();
  }, [version, load]);

  const setDone = async (task: TaskRecord, done: boolean): Promise<void> => {
    try {
      await rpc('tasks.setDone', { id: task.id, done });
    } catch (error) {
      message.error(errorMessage(error));
      return;
    }
    drop(task.id);
    dataChanged('task', 'company');
    const key = `task-${task.id}`;
    message.open({
      key,
      type: 'success',
      duration: 6,
      content: (
        <span>
          {done ? t.task.doneMessage(task.title) : t.task.reopenedMessage(task.title)}
          <Button
            type="link"
            size="small"
            onClick={() => {
              message.destroy(key);
              void rpc('tasks.setDone', { id: task.id, done: !done })
                .then(() => dataChanged('task', 'company'))
                .catch((failure: unknown) => message.error(errorMessage(failure)));
            }}
          >
            {t.common.undo}
          </Button>
        </span>
      ),
    });
  };

  const countOf = (key: TaskView): number | null => (key === 'done' ? null : key === 'open' ? openCount : counts[key]);
  const tabLabel = (key: TaskView) => {
    const count = countOf(key);
    return (
      <Space size={6}>
        {t.task.views[key]}
        {count !== null && <Badge count={count} showZero overflowCount={999} color={key === 'overdue' && count > 0 ? '#ff4d4f' : key === 'today' && count > 0 ? '#1f5fa8' : '#bfbfbf'} />}
      </Space>
    );
  };

  return (
    <section aria-label={t.task.title}>
      <PageHeader title={t.task.title} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <AddTaskForm />
      </Card>
      <Card size="small">
        <Tabs activeKey={view} onChange={(key) => setView(key as TaskView)} items={TASK_VIEWS.map((key) => ({ key, label: tabLabel(key) }))} />
        {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>{t.common.retry}</Button>} style={{ marginBottom: 12 }} />}
        <Table<TaskRecord>
          aria-label={t.task.views[view]}
          rowKey="id"
          size="middle"
          loading={loading && items.length === 0}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (total) => t.common.total(total) } : false}
          locale={{ emptyText: t.task.emptyViews[view] }}
          columns={[
            {
              title: t.task.done,
              key: 'done',
              width: 64,
              render: (_: unknown, task) => <Checkbox checked={task.done} aria-label={t.task.markDone(task.title)} onChange={(event) => void setDone(task, event.target.checked)} />,
            },
            { title: t.task.item, dataIndex: 'title', render: (title: string, task) => <Typography.Text delete={task.done}>{title}</Typography.Text> },
            {
              title: t.task.company,
              dataIndex: 'companyName',
              width: 260,
              render: (name: string | null, task) =>
                task.companyId ? <a href={companyHref(task.companyId)}>{name}</a> : task.projectId ? <a href={projectHref(task.projectId)}>{t.task.project}</a> : t.common.empty,
            },
            {
              title: t.task.dueDate,
              dataIndex: 'dueDate',
              width: 200,
              render: (due: string, task) => {
                const late = task.done ? 0 : daysSince(due);
                return (
                  <Space>
                    {due}
                    {late > 0 && <Tag color="error">{t.task.overdueDays(late)}</Tag>}
                    {late === 0 && !task.done && <Tag color="processing">{t.task.dueToday}</Tag>}
                  </Space>
                );
              },
            },
            ...(view === 'done' ? [{ title: t.task.doneAt, dataIndex: 'doneAt', width: 180, render: (value: string | null) => formatDateTime(value) }] : []),
            {
              title: t.common.actions,
              key: 'actions',
              width: 80,
              render: (_: unknown, task: TaskRecord) => (
                <Button type="link" size="small" danger onClick={() => void softDelete('task', task.id, task.title)}>
                  {t.common.delete}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
