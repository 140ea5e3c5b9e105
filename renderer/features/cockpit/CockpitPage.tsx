import { FilePdfOutlined, FileExcelOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { PageHeader } from '../../components/PageHeader';
import { useDataVersionOf } from '../../lib/data-version';
import { errorMessage } from '../../lib/rpc';
import { call } from './api';
import { ChartCard } from './ChartCard';
import { funnelOption, monthsOption, visitsOption } from './charts';
import { useCockpit } from './cockpit-store';
import './cockpit-print.css';
import { DrillDrawer } from './DrillDrawer';
import { FiltersBar } from './FiltersBar';
import { money } from './format';
import { GroupPanel } from './GroupPanel';
import { NumberLink } from './NumberLink';
import { RateCards } from './RateCards';
import { base64Bytes, saveBytes, XLSX_MIME } from './save-file';
import { COCKPIT_TEXT } from './text';
import { figureFromKey, filtersFromQuery, hashQuery } from './urls';

const T = COCKPIT_TEXT;

/** Prints just the cockpit (see cockpit-print.css); the print dialog saves it as PDF. */
function printCockpit(): void {
  document.body.classList.add('qz-printing');
  const done = (): void => {
    document.body.classList.remove('qz-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/**
 * 驾驶舱: the period's signed projects and the four rates, the funnel, money by month,
 * distributions and visits per week. Every number and chart item opens the records
 * behind it. Reached at `#/cockpit`, optionally with `?from=&to=&team=&member=&industry=
 * &city=&drill=` (urls.ts).
 */
export function CockpitPage() {
  const { data, loading, error, filters, load, loadOptions, openDrill } = useCockpit();
  const version = useDataVersionOf('project', 'visit', 'company');
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();

  useEffect(() => {
    const query = hashQuery(window.location.hash);
    void load(filtersFromQuery(query)).then(() => {
      const figure = figureFromKey(query.get('drill') ?? '');
      if (figure) void openDrill(figure, query.get('drill') ?? '');
    });
    void loadOptions();
    // Filters in the address only count when the page opens; later changes live in the store.
    return () => useCockpit.getState().closeDrill();
  }, [load, loadOptions, openDrill]);

  useEffect(() => {
    if (version > 0) void load();
  }, [version, load]);

  const funnel = useMemo(() => (data ? funnelOption(data) : null), [data]);
  const months = useMemo(() => (data ? monthsOption(data) : null), [data]);
  const visits = useMemo(() => (data ? visitsOption(data) : null), [data]);

  const exportLedger = async (): Promise<void> => {
    setExporting(true);
    try {
      const file = await call('export.ledger', { teamId: filters.teamId, ownerUserId: filters.ownerUserId, industry: filters.industry, targetCity: filters.targetCity, asOf: filters.to });
      if (await saveBytes(file.fileName, base64Bytes(file.contentBase64), XLSX_MIME)) void message.success(T.exported(file.fileName));
    } catch (failure) {
      void message.error(errorMessage(failure));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-label={T.title}>
      <PageHeader
        title={T.title}
        sub={
          data && (
            <Typography.Text type="secondary">
              {data.filters.from} ~ {data.filters.to}
            </Typography.Text>
          )
        }
        extra={
          <span className="qz-no-print" style={{ display: 'contents' }}>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
              {T.refresh}
            </Button>
            <Button icon={<UploadOutlined />} href="#/ledger">
              {T.importLedger}
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void exportLedger()} loading={exporting}>
              {T.exportLedger}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={printCockpit} title={T.printHint}>
              {T.exportPdf}
            </Button>
          </span>
        }
      />
      <FiltersBar />
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={() => void load()}>{T.refresh}</Button>} style={{ marginBottom: 12 }} />}
      {!data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          {loading ? <Spin tip={T.loading} /> : <Empty description={T.noData} />}
        </Flex>
      ) : (
        <Spin spinning={loading}>
          <RateCards data={data} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={10}>
              <ChartCard
                title={T.funnel}
                hint={T.funnelHint}
                fileName="驾驶舱_项目阶段"
                option={funnel!}
                height={260}
                onItemClick={({ dataIndex }) => {
                  const item = data.funnel[dataIndex];
                  if (item) void openDrill({ type: 'stage', stage: item.stage }, `${STAGE_LABELS[item.stage]}阶段项目`);
                }}
              >
                <Flex gap={12} wrap aria-label={T.funnel}>
                  {data.funnel.map((item) => (
                    <span key={item.stage}>
                      {STAGE_LABELS[item.stage]}{' '}
                      <NumberLink figure={{ type: 'stage', stage: item.stage }} title={`${STAGE_LABELS[item.stage]}阶段项目`}>
                        {item.count}
                      </NumberLink>
                    </span>
                  ))}
                </Flex>
              </ChartCard>
            </Col>
            <Col xs={24} xl={14}>
              <ChartCard
                title={T.months}
                fileName="驾驶舱_按月金额"
                option={months!}
                height={260}
                onItemClick={({ seriesIndex, dataIndex }) => {
                  const month = data.months[dataIndex];
                  if (month) void openDrill({ type: 'month', series: seriesIndex === 0 ? 'signed' : 'funds', month: month.month }, `${month.month} ${seriesIndex === 0 ? T.signedAmount : T.fundsInPlace}`);
                }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {T.total}：{T.signedAmount} {money(data.months.reduce((sum, month) => sum + month.signedAmountYuan, 0))} · {T.fundsInPlace}{' '}
                  {money(data.months.reduce((sum, month) => sum + month.fundsYuan, 0))}
                </Typography.Text>
              </ChartCard>
            </Col>
            <Col xs={24}>
              <GroupPanel data={data} />
            </Col>
            <Col xs={24}>
              <ChartCard
                title={T.visits}
                hint={T.visitsHint}
                fileName="驾驶舱_走访"
                option={visits!}
                height={280}
                onItemClick={({ seriesIndex, dataIndex }) => {
                  const week = data.visits.weeks[dataIndex];
                  const kind = data.visits.kinds[seriesIndex];
                  if (week && kind) void openDrill({ type: 'visits', week, kind }, `${week} 当周 ${(VISIT_KIND_LABELS as Record<string, string>)[kind] ?? kind}`);
                }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {T.total}{' '}
                  <NumberLink figure={{ type: 'visits' }} title={T.visits}>
                    {data.visits.total}
                  </NumberLink>
                </Typography.Text>
              </ChartCard>
            </Col>
          </Row>
        </Spin>
      )}
      <DrillDrawer />
    </section>
  );
}
