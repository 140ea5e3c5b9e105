import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Space, Steps, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProjectRecord } from '../../../shared/contract';
import { MAIN_STAGES, SIDE_STAGES, STAGE_LABELS, type Stage } from '../../../shared/domain/stages';
import { HistoryTable } from '../../components/HistoryTable';
import { PageHeader } from '../../components/PageHeader';
import { StageTag } from '../../components/StageTag';
import { useCommands } from '../../lib/commands';
import { useDataVersionOf } from '../../lib/data-version';
import { money, text, yi } from '../../lib/format';
import { t } from '../../lib/i18n';
import { companyHref, hrefFor, useNav } from '../../lib/nav';
import { useSoftDelete } from '../../lib/soft-delete';
import { FundsPanel } from './FundsPanel';
import { StageMoveForm } from './StageMoveForm';
import { useProjectPage } from './project-page-store';

const mainIndex = (stage: Stage): number => (MAIN_STAGES as readonly Stage[]).indexOf(stage);

/** 线索 → 在谈 → 签约 → 开工 → 投产: click a stage to move there; 搁置 and 终止 beside it. */
function StageStepper({ project, onMove }: { project: ProjectRecord; onMove: (to: Stage) => void }) {
  const current = mainIndex(project.stage);
  const side = current < 0;
  return (
    <div role="group" aria-label={t.project.stage}>
      <Flex align="center" gap={24} wrap>
        <Steps
          style={{ flex: 1, minWidth: 480 }}
          current={side ? -1 : current}
          status={side ? 'wait' : current === MAIN_STAGES.length - 1 ? 'finish' : 'process'}
          onChange={(index) => {
            const to = MAIN_STAGES[index];
            if (to && to !== project.stage) onMove(to);
          }}
          items={MAIN_STAGES.map((stage) => ({ title: STAGE_LABELS[stage], disabled: stage === project.stage }))}
        />
        <Space>
          {side && <StageTag stage={project.stage} />}
          {SIDE_STAGES.map((stage) => (
            <Button key={stage} size="small" danger={stage === 'terminated'} disabled={project.stage === stage} onClick={() => onMove(stage)}>
              {stage === 'on_hold' ? t.stageMove.hold : t.stageMove.terminate}
            </Button>
          ))}
        </Space>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.stageMove.hint}
      </Typography.Text>
    </div>
  );
}

/** One project: stage stepper, details, 到位资金, stage history and field history. */
export function ProjectPage({ id }: { id: string }) {
  const { detail, history, loading, notFound, error, load, setDetail } = useProjectPage();
  const version = useDataVersionOf('project');
  const openProjectForm = useCommands((state) => state.openProjectForm);
  const go = useNav((state) => state.go);
  const softDelete = useSoftDelete();
  const [moveTo, setMoveTo] = useState<Stage | null>(null);

  useEffect(() => {
    void load(id);
  }, [id, version, load]);

  const back = (
    <a href={hrefFor('projects')} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined /> {t.project.back}
    </a>
  );
  if (notFound) return <Result status="404" title={t.common.notFound} extra={back} />;
  if (error && !detail) return <Alert type="error" showIcon title={error} action={<Button onClick={() => void load(id)}>{t.common.retry}</Button>} />;
  if (!detail || detail.project.id !== id) return <Skeleton active loading={loading} />;

  const { project, stageHistory } = detail;
  const deleteProject = async (): Promise<void> => {
    if (await softDelete('project', project.id, project.name, () => go('projects', project.id))) go('projects');
  };

  return (
    <section aria-label={project.name}>
      <PageHeader
        back={back}
        title={project.name}
        sub={
          <Space size={8}>
            <StageTag stage={project.stage} />
            <a href={companyHref(project.companyId)}>{project.companyName}</a>
          </Space>
        }
        extra={
          <>
            <Button icon={<EditOutlined />} onClick={() => openProjectForm({ project })}>
              {t.common.edit}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => void deleteProject()}>
              {t.common.delete}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <StageStepper project={project} onMove={setMoveTo} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.project.basics} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'company', label: t.project.company, children: <a href={companyHref(project.companyId)}>{project.companyName}</a> },
                { key: 'industry', label: t.project.industry, children: text(project.industry) },
                { key: 'investment', label: t.project.investment, children: yi(project.investmentYuan) },
                { key: 'funds', label: t.project.fundsInPlace, children: money(project.fundsInPlaceYuan) },
                { key: 'city', label: t.project.targetCity, children: text(project.targetCity) },
                { key: 'county', label: t.project.targetCounty, children: text(project.targetCounty) },
                { key: 'park', label: t.project.targetPark, children: text(project.targetPark) },
                { key: 'agreement', label: t.project.agreementNo, children: text(project.agreementNo) },
                { key: 'signedDate', label: t.project.signedDate, children: text(project.signedDate) },
                { key: 'signedAmount', label: t.project.signedAmount, children: money(project.signedAmountYuan) },
                { key: 'startPlanned', label: t.project.startPlannedDate, children: text(project.startPlannedDate) },
                { key: 'start', label: t.project.startDate, children: text(project.startDate) },
                { key: 'productionPlanned', label: t.project.productionPlannedDate, children: text(project.productionPlannedDate) },
                { key: 'production', label: t.project.productionDate, children: text(project.productionDate) },
                { key: 'jobs', label: t.project.expectedJobs, children: project.expectedJobs ?? t.common.empty },
                { key: 'output', label: t.project.expectedOutput, children: money(project.expectedOutputYuan) },
                { key: 'notes', label: t.project.notes, span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(project.notes)}</span> },
              ]}
            />
          </Card>
          <Card size="small" title={t.stageMove.history} style={{ marginBottom: 16 }}>
            {stageHistory.length === 0 ? (
              <Empty description={t.stageMove.historyEmpty} />
            ) : (
              <Timeline
                items={[...stageHistory].sort((a, b) => b.movedOn.localeCompare(a.movedOn) || b.createdAt.localeCompare(a.createdAt)).map((event) => ({
                  key: event.id,
                  color: event.toStage === 'terminated' ? 'red' : event.toStage === 'on_hold' ? 'gray' : 'green',
                  title: event.movedOn,
                  content: (
                    <span>
                      {event.fromStage ? t.stageMove.from(STAGE_LABELS[event.fromStage], STAGE_LABELS[event.toStage]) : t.stageMove.created(STAGE_LABELS[event.toStage])}
                      {event.reason && <Typography.Text type="secondary">{`（${event.reason}）`}</Typography.Text>}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.funds.title} style={{ marginBottom: 16 }}>
            <FundsPanel detail={detail} onChanged={setDetail} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t.history.title}>
        <HistoryTable entries={history} recordName={(entity) => (entity === 'project' ? project.name : undefined)} />
      </Card>
      <StageMoveForm project={project} to={moveTo} onClose={() => setMoveTo(null)} onMoved={setDetail} />
    </section>
  );
}
