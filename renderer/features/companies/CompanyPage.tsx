import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ContactRecord, ProjectRecord, TaskRecord, VisitRecord } from '../../../shared/contract';
import { COMPANY_SCALE_LABELS } from '../../../shared/domain/reference';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { useCommands } from '../../lib/commands';
import { dataChanged, useDataVersionOf } from '../../lib/data-version';
import { daysSince, formatDateTime } from '../../lib/dates';
import { list, money, text, yi } from '../../lib/format';
import { t } from '../../lib/i18n';
import { hrefFor, projectHref, useNav } from '../../lib/nav';
import { errorMessage, rpc } from '../../lib/rpc';
import { useSoftDelete } from '../../lib/soft-delete';
import { CompanyTimeline } from './CompanyTimeline';
import { ContactForm } from './ContactForm';
import { useCompanyPage } from './company-page-store';

function ContactsTab({ contacts, onAdd, onEdit, onDelete }: { contacts: ContactRecord[]; onAdd: () => void; onEdit: (contact: ContactRecord) => void; onDelete: (contact: ContactRecord) => void }) {
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={onAdd} style={{ marginBottom: 12 }}>
        {t.contact.add}
      </Button>
      <Table<ContactRecord>
        aria-label={t.company.tabs.contacts}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={contacts}
        locale={{ emptyText: t.contact.empty }}
        columns={[
          { title: t.contact.name, dataIndex: 'name', width: 120 },
          { title: t.contact.title, dataIndex: 'title', width: 140, render: text },
          { title: t.contact.mobile, dataIndex: 'mobile', width: 130, render: text },
          { title: t.contact.phone, dataIndex: 'phone', width: 150, render: text },
          { title: t.contact.email, dataIndex: 'email', render: text },
          { title: t.contact.wechat, dataIndex: 'wechat', width: 120, render: text },
          {
            title: t.common.actions,
            key: 'actions',
            width: 120,
            render: (_: unknown, contact) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onEdit(contact)}>
                  {t.common.edit}
                </Button>
                <Button type="link" size="small" danger onClick={() => onDelete(contact)}>
                  {t.common.delete}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function ProjectsTab({ projects, onAdd }: { projects: ProjectRecord[]; onAdd: () => void }) {
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={onAdd} style={{ marginBottom: 12 }}>
        {t.company.addProject}
      </Button>
      <Table<ProjectRecord>
        aria-label={t.company.tabs.projects}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={projects}
        locale={{ emptyText: t.company.projectsEmpty }}
        columns={[
          { title: t.project.name, dataIndex: 'name', render: (name: string, project) => <a href={projectHref(project.id)}>{name}</a> },
          { title: t.project.stage, dataIndex: 'stage', width: 90, render: (stage: ProjectRecord['stage']) => <StageTag stage={stage} /> },
          { title: t.project.investment, dataIndex: 'investmentYuan', width: 130, align: 'right', render: yi },
          { title: t.project.fundsInPlace, dataIndex: 'fundsInPlaceYuan', width: 130, align: 'right', render: money },
          { title: t.project.targetCity, dataIndex: 'targetCity', width: 160, render: text },
        ]}
      />
    </>
  );
}

function TasksTab({ tasks, onToggle }: { tasks: TaskRecord[]; onToggle: (task: TaskRecord) => void }) {
  if (tasks.length === 0) return <Empty description={t.company.tasksEmpty} />;
  return (
    <Table<TaskRecord>
      aria-label={t.company.tabs.tasks}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={tasks}
      columns={[
        {
          title: t.task.done,
          key: 'done',
          width: 60,
          render: (_: unknown, task) => <Checkbox checked={task.done} aria-label={t.task.markDone(task.title)} onChange={() => onToggle(task)} />,
        },
        { title: t.task.item, dataIndex: 'title', render: (title: string, task) => <Typography.Text delete={task.done}>{title}</Typography.Text> },
        {
          title: t.task.dueDate,
          dataIndex: 'dueDate',
          width: 180,
          render: (due: string, task) => {
            const late = !task.done ? daysSince(due) : 0;
            return (
              <Space>
                {due}
                {late > 0 && <Tag color="error">{t.task.overdueDays(late)}</Tag>}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** One company: details, contacts, timeline, projects, follow-ups and field history. */
export function CompanyPage({ id }: { id: string }) {
  const { page, loading, notFound, error, load } = useCompanyPage();
  const version = useDataVersionOf('company', 'contact', 'visit', 'project', 'task');
  const { openCompanyForm, openVisitForm, openProjectForm } = useCommands();
  const go = useNav((state) => state.go);
  const softDelete = useSoftDelete();
  const { message } = App.useApp();
  const [contactTarget, setContactTarget] = useState<ContactRecord | 'new' | null>(null);

  useEffect(() => {
    void load(id);
  }, [id, version, load]);

  const back = (
    <a href={hrefFor('companies')} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t.company.back}
    </a>
  );
  if (notFound) return <Result status="404" title={t.common.notFound} extra={back} />;
  if (error && !page) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load(id)}>{t.common.retry}</Button>} />;
  if (!page || page.company.id !== id) return <Skeleton active loading={loading} />;

  const { company, contacts, projects, tasks, timeline, history } = page;
  const ref = { id: company.id, name: company.name };

  const toggleTask = async (task: TaskRecord): Promise<void> => {
    try {
      await rpc('tasks.setDone', { id: task.id, done: !task.done });
      dataChanged('task');
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  };

  const deleteVisit = (visit: VisitRecord): void => void softDelete('visit', visit.id, t.visit.what(visit.companyName, visit.visitDate));
  const deleteCompany = async (): Promise<void> => {
    if (await softDelete('company', company.id, company.name, () => go('companies', company.id))) go('companies');
  };

  const recordName = (entity: string, rowId: string): string | undefined => {
    if (entity === 'company') return rowId === company.id ? company.name : undefined;
    if (entity === 'contact') return contacts.find((contact) => contact.id === rowId)?.name;
    if (entity === 'project') return projects.find((project) => project.id === rowId)?.name;
    if (entity === 'visit') return timeline.find((item) => item.kind === 'visit' && item.visit.id === rowId)?.date;
    return undefined;
  };

  return (
    <section aria-label={company.name}>
      <PageHeader
        back={back}
        title={company.name}
        sub={
          <Space size={4} wrap>
            {company.industry && <Tag color="blue">{company.industry}</Tag>}
            {company.district && <Tag>{company.district}</Tag>}
            {company.isFortune500 && <Tag color="gold">{t.company.isFortune500}</Tag>}
            {company.isListed && <Tag color="purple">{t.company.isListed}</Tag>}
          </Space>
        }
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openVisitForm({ company: ref })}>
              {t.company.addVisit}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => openProjectForm({ company: ref })}>
              {t.company.addProject}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => openCompanyForm({ company })}>
              {t.common.edit}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => void deleteCompany()}>
              {t.common.delete}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'creditCode', label: t.company.creditCode, children: company.creditCode ? <span style={{ fontFamily: 'monospace' }}>{company.creditCode}</span> : t.common.empty },
            { key: 'industry', label: t.company.industry, children: text(company.industry) },
            { key: 'district', label: t.company.district, children: text(company.district) },
            { key: 'scale', label: t.company.scale, children: company.scale ? COMPANY_SCALE_LABELS[company.scale] : t.common.empty },
            { key: 'address', label: t.company.address, children: text(company.address) },
            { key: 'aliases', label: t.company.aliases, children: list(company.aliases) },
            { key: 'leadSource', label: t.company.leadSource, children: text(company.leadSource) },
            { key: 'tags', label: t.company.tags, children: company.tags.length > 0 ? company.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t.common.empty },
            { key: 'createdAt', label: t.company.createdAt, children: formatDateTime(company.createdAt) },
            { key: 'notes', label: t.company.notes, span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(company.notes)}</span> },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'contacts',
              label: `${t.company.tabs.contacts}（${contacts.length}）`,
              children: (
                <ContactsTab
                  contacts={contacts}
                  onAdd={() => setContactTarget('new')}
                  onEdit={setContactTarget}
                  onDelete={(contact) => void softDelete('contact', contact.id, contact.name)}
                />
              ),
            },
            {
              key: 'timeline',
              label: `${t.company.tabs.timeline}（${timeline.length}）`,
              children: <CompanyTimeline items={timeline} onEditVisit={(visit) => openVisitForm({ visit, company: ref })} onDeleteVisit={deleteVisit} />,
            },
            {
              key: 'projects',
              label: `${t.company.tabs.projects}（${projects.length}）`,
              children: <ProjectsTab projects={projects} onAdd={() => openProjectForm({ company: ref })} />,
            },
            {
              key: 'tasks',
              label: `${t.company.tabs.tasks}（${tasks.filter((task) => !task.done).length}）`,
              children: <TasksTab tasks={tasks} onToggle={(task) => void toggleTask(task)} />,
            },
            { key: 'history', label: t.company.tabs.history, children: <HistoryTable entries={history} recordName={recordName} /> },
          ]}
        />
      </Card>
      <ContactForm companyId={company.id} target={contactTarget} onClose={() => setContactTarget(null)} />
    </section>
  );
}
