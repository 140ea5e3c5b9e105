import { Button, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { TimelineItem, VisitRecord } from '../../../shared/contract';
import { INTENT_LEVEL_LABELS, VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { list } from '../../lib/format';
import { t } from '../../lib/i18n';
import { projectHref } from '../../lib/nav';

const INTENT_COLORS = { strong: 'red', medium: 'orange', weak: 'default' } as const;

function VisitEntry({ visit, onEdit, onDelete }: { visit: VisitRecord; onEdit: () => void; onDelete: () => void }) {
  const rows: [string, string | null][] = [
    [t.visit.summary, visit.summary],
    [t.visit.outcome, visit.outcome],
    [t.visit.nextStep, visit.nextStep],
  ];
  return (
    <div>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{visit.visitDate}</Typography.Text>
        <Tag color="blue">{VISIT_KIND_LABELS[visit.kind]}</Tag>
        {visit.intent && <Tag color={INTENT_COLORS[visit.intent]}>{`${t.visit.intent}：${INTENT_LEVEL_LABELS[visit.intent]}`}</Tag>}
        {visit.participants.length > 0 && <Typography.Text type="secondary">{`${t.visit.participants}：${list(visit.participants)}`}</Typography.Text>}
        <Space size={0} style={{ marginLeft: 'auto' }}>
          <Button type="link" size="small" onClick={onEdit}>
            {t.common.edit}
          </Button>
          <Button type="link" size="small" danger onClick={onDelete}>
            {t.common.delete}
          </Button>
        </Space>
      </Flex>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Typography.Paragraph key={label} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            <Typography.Text type="secondary">{label}：</Typography.Text>
            {value}
          </Typography.Paragraph>
        ))}
      {visit.trip && (
        <Typography.Paragraph style={{ margin: '4px 0 0' }}>
          <Typography.Text type="secondary">{t.visit.trip.title}：</Typography.Text>
          {`${visit.trip.startDate} ～ ${visit.trip.endDate}`}
          {visit.trip.officials.length > 0 && `；${t.visit.trip.officials}：${list(visit.trip.officials)}`}
          {visit.trip.attendees.length > 0 && `；${t.visit.trip.attendees}：${list(visit.trip.attendees)}`}
        </Typography.Paragraph>
      )}
      {visit.followUpDate && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {`${t.visit.followUpDate}：${visit.followUpDate}`}
        </Typography.Text>
      )}
    </div>
  );
}

/** 走访与进展: visits and project stage moves, newest first. */
export function CompanyTimeline({ items, onEditVisit, onDeleteVisit }: { items: TimelineItem[]; onEditVisit: (visit: VisitRecord) => void; onDeleteVisit: (visit: VisitRecord) => void }) {
  if (items.length === 0) return <Empty description={t.company.timelineEmpty} />;
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={items.map((item) =>
        item.kind === 'visit'
          ? {
              key: `visit-${item.visit.id}`,
              color: 'blue',
              content: <VisitEntry visit={item.visit} onEdit={() => onEditVisit(item.visit)} onDelete={() => onDeleteVisit(item.visit)} />,
            }
          : {
              key: `stage-${item.event.id}`,
              color: 'green',
              content: (
                <div>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{item.date}</Typography.Text>
                    <Tag color="green">{t.project.stage}</Tag>
                    <a href={projectHref(item.event.projectId)}>{item.projectName}</a>
                    <span>
                      {item.event.fromStage
                        ? t.stageMove.from(STAGE_LABELS[item.event.fromStage], STAGE_LABELS[item.event.toStage])
                        : t.stageMove.created(STAGE_LABELS[item.event.toStage])}
                    </span>
                  </Flex>
                  {item.event.reason && (
                    <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                      <Typography.Text type="secondary">{t.stageMove.reason}：</Typography.Text>
                      {item.event.reason}
                    </Typography.Paragraph>
                  )}
                </div>
              ),
            },
      )}
    />
  );
}
