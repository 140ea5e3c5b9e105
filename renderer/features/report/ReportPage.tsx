import { App, Button, Card, Empty, Flex, List, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { ReportMemberRow, WeeklyReport } from '../../../shared/contract/report';
import { VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { isoWeekOfInstant, shiftWeek, weekLabel } from '../../../shared/weeklog/iso-week';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { PageHeader } from '../../components/PageHeader';
import { useDataVersionOf } from '../../lib/data-version';
import { errorMessage } from '../../lib/rpc';
import { REPORT_TABLE_COLUMNS, type ScreenColumn } from './columns';
import { reportRpc } from './api';
import { postForFile, saveBytes } from '../../lib/files-api';

const text = weeklogUi.report;

function weeks(): { value: string; label: string }[] {
  const current = isoWeekOfInstant(new Date());
  return Array.from({ length: 12 }, (_, index) => shiftWeek(current, -index)).map((week) => ({ value: week, label: weekLabel(week) }));
}

type Row = ReportMemberRow & { key: string };

/** 周报: the team's week per member and in total, downloadable as .xlsx and PDF. */
export function ReportPage() {
  const options = weeks();
  const [week, setWeek] = useState(options[0]!.value);
  const [report, setReport] = useState<WeeklyReport | null>(null);
  const [downloading, setDownloading] = useState<'xlsx' | 'pdf' | null>(null);
  const { message } = App.useApp();
  const version = useDataVersionOf('company', 'visit', 'project', 'task');

  const load = useCallback(async () => {
    try {
      setReport(await reportRpc('report.weekly', { week }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }, [week, message]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const download = async (format: 'xlsx' | 'pdf'): Promise<void> => {
    setDownloading(format);
    try {
      const file = await postForFile('/report', { week, format });
      if (await saveBytes(file)) message.success(text.downloaded(file.fileName));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(null);
    }
  };

  const columns: ColumnsType<Row> = [
    { key: 'name', title: text.member, dataIndex: 'name', fixed: 'left', width: 90 },
    ...REPORT_TABLE_COLUMNS.map((group) =>
      group.children
        ? { key: group.title, title: group.title, children: group.children.map((child) => ({ key: child.title, title: child.title, align: 'right' as const, width: 70, render: (_: unknown, row: Row) => child.render(row) })) }
        : { key: group.title, title: group.title, align: 'right' as const, width: 80, render: (_: unknown, row: Row) => group.render!(row) },
    ),
  ];
  const rows: Row[] = report ? report.members.map((member, index) => ({ ...member, key: `${member.userId ?? 'none'}-${index}` })) : [];

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <>
            <Select aria-label={text.week} value={week} onChange={setWeek} options={options} style={{ width: 300 }} />
            <Button type="primary" loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>
              {text.downloadXlsx}
            </Button>
            <Button loading={downloading === 'pdf'} onClick={() => void download('pdf')}>
              {text.downloadPdf}
            </Button>
          </>
        }
      />
      {report && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex justify="space-between" wrap>
            <Typography.Text>{text.period(report.label)}</Typography.Text>
            <Typography.Text type="secondary">{text.asOf(report.asOf)}</Typography.Text>
          </Flex>
          {report.members.length === 0 ? (
            <Empty description={text.empty} />
          ) : (
            <Table<Row>
              size="small"
              bordered
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={columns}
              dataSource={rows}
              aria-label={report.label}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{text.total}</strong>
                  </Table.Summary.Cell>
                  {REPORT_TABLE_COLUMNS.flatMap((group): ScreenColumn[] => group.children ?? [{ title: group.title, render: group.render! }]).map((column, index) => (
                    <Table.Summary.Cell key={column.title + index} index={index + 1} align="right">
                      <strong>{column.render({ ...report.total, userId: null, name: text.total })}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          )}
          <Card size="small" title={text.notableVisits}>
            <List
              size="small"
              dataSource={report.notableVisits}
              locale={{ emptyText: text.noNotableVisits }}
              renderItem={(visit) => (
                <List.Item>
                  {visit.visitDate} {visit.companyName}（{VISIT_KIND_LABELS[visit.kind] ?? visit.kind}，{visit.memberName}）{visit.summary ? `：${visit.summary}` : ''}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={text.stageMoves}>
            <List
              size="small"
              dataSource={report.stageMoves}
              locale={{ emptyText: text.noStageMoves }}
              renderItem={(move) => (
                <List.Item>
                  {move.movedOn} {move.projectName}（{move.companyName}）：{move.fromStage ? STAGE_LABELS[move.fromStage] : ''} → {STAGE_LABELS[move.toStage]}（{move.memberName}）
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={text.notes}>
            {report.notes.length === 0 && <Typography.Text type="secondary">{text.noNotes}</Typography.Text>}
            {report.notes.map((note) => (
              <div key={note.memberName} style={{ marginBottom: 12 }}>
                <Typography.Title level={5}>{note.memberName}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                  <strong>{weeklogUi.weeklog.summary}：</strong>
                  {note.summary ?? text.notFilled}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                  <strong>{weeklogUi.weeklog.nextPlan}：</strong>
                  {note.nextPlan ?? text.notFilled}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  <strong>{weeklogUi.weeklog.issues}：</strong>
                  {note.issues ?? text.notFilled}
                </Typography.Paragraph>
              </div>
            ))}
          </Card>
        </Space>
      )}
    </>
  );
}
