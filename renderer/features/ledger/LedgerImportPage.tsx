import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Result, Steps, Typography, Upload } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { ImportLog } from './ImportLog';
import { useLedger, type LedgerStep } from './ledger-store';
import { MappingStep } from './MappingStep';
import { ReportTable } from './ReportTable';
import { LEDGER_TEXT } from './text';

const T = LEDGER_TEXT;
const STEP_INDEX: Record<LedgerStep, number> = { pick: 0, mapping: 1, preview: 2, done: 3 };

function PickStep() {
  const { choose, busy, progress } = useLedger();
  return (
    <Flex vertical gap={12}>
      <Upload.Dragger
        accept=".xlsx,.xls,.csv"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void choose(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{T.pick}</p>
        <p className="ant-upload-hint">{T.pickHint}</p>
      </Upload.Dragger>
      {busy && <Progress percent={Math.round(progress * 100)} status="active" aria-label={T.uploading} />}
    </Flex>
  );
}

function PreviewStep() {
  const { report, busy, runImport, back } = useLedger();
  if (!report) return null;
  const writable = report.counts.new + report.counts.update;
  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        {report.fileName} · {report.sheet}：{T.counts(report.counts)}
      </Typography.Text>
      <ReportTable report={report} />
      <Flex gap={8} justify="flex-end">
        <Button onClick={back}>{T.back}</Button>
        <Button type="primary" loading={busy} disabled={writable === 0} onClick={() => void runImport()}>
          {T.importNow(writable)}
        </Button>
      </Flex>
    </Flex>
  );
}

function DoneStep() {
  const { report, reset, revert, busy } = useLedger();
  const { message } = App.useApp();
  if (!report) return null;
  return (
    <Flex vertical gap={12}>
      <Result
        status={report.importId ? 'success' : 'info'}
        title={T.done(report.importId)}
        subTitle={T.counts(report.counts)}
        extra={[
          report.importId && (
            <Button
              key="revert"
              danger
              loading={busy}
              onClick={() =>
                void revert(report.importId!).then((result) => {
                  if (result) {
                    void message.success(T.reverted(result.mode));
                    reset();
                  }
                })
              }
            >
              {T.revert}
            </Button>
          ),
          <Button key="again" type="primary" onClick={reset}>
            {T.reselect}
          </Button>,
        ]}
      />
      <ReportTable report={report} />
    </Flex>
  );
}

/**
 * 导入台账: pick a file, check the guessed columns, preview every row's outcome, import,
 * and undo from the import log. Reached at `#/ledger` (and from the cockpit and settings).
 */
export function LedgerImportPage() {
  const { step, error } = useLedger();
  return (
    <section aria-label={T.title}>
      <PageHeader title={T.title} />
      <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps size="small" current={STEP_INDEX[step]} items={T.steps.map((title) => ({ title }))} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {step === 'pick' && <PickStep />}
        {step === 'mapping' && <MappingStep />}
        {step === 'preview' && <PreviewStep />}
        {step === 'done' && <DoneStep />}
      </Card>
      <Card size="small" title={T.log}>
        <ImportLog />
      </Card>
    </section>
  );
}
