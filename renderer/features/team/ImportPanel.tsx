import { Alert, App, Button, Checkbox, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WeeklogFileResult, WeeklogImportResult } from '../../../shared/contract/weeklog';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { dataChanged } from '../../lib/data-version';
import { errorMessage } from '../../lib/rpc';
import { importWeekFiles, pickWithDesktop, readBrowserFiles, teamRpc, type PickedWeeklog } from './api';

const text = weeklogUi.team;
const STATUS_COLORS: Record<WeeklogFileResult['status'], string> = { imported: 'green', preview: 'blue', skipped: 'default', refused: 'red', 'needs-confirmation': 'orange' };

function ResultTable({ result, onApprove, confirmed, onConfirm }: { result: WeeklogImportResult; onApprove?: (file: WeeklogFileResult) => void; confirmed?: readonly string[]; onConfirm?: (hash: string, on: boolean) => void }) {
  const count = (key: keyof WeeklogFileResult['stats'], title: string) => ({ key, title, width: 56, align: 'right' as const, render: (_: unknown, file: WeeklogFileResult) => file.stats[key] });
  const columns: ColumnsType<WeeklogFileResult> = [
    { key: 'file', title: text.columns.file, render: (_, file) => <Typography.Text ellipsis={{ tooltip: file.fileName }} style={{ maxWidth: 220 }}>{file.fileName}</Typography.Text> },
    { key: 'member', title: text.columns.member, width: 90, render: (_, file) => file.file?.userName ?? '—' },
    { key: 'week', title: text.columns.week, width: 90, render: (_, file) => file.file?.week || '—' },
    { key: 'status', title: text.columns.status, width: 80, render: (_, file) => <Tag color={STATUS_COLORS[file.status]}>{text.status[file.status]}</Tag> },
    count('created', text.columns.created),
    count('updated', text.columns.updated),
    count('deleted', text.columns.deleted),
    count('ignored', text.columns.ignored),
    count('conflicts', text.columns.conflicts),
    count('errors', text.columns.errors),
    {
      key: 'reason',
      title: text.columns.reason,
      render: (_, file) => (
        <Space direction="vertical" size={4}>
          {file.reason && <Typography.Text type={file.status === 'refused' ? 'danger' : 'secondary'}>{file.reason.message}</Typography.Text>}
          {file.errors.slice(0, 3).map((error) => (
            <Typography.Text key={error.changeId} type="warning">
              {error.message}
            </Typography.Text>
          ))}
          {file.reason?.code === 'E_WEEKLOG_UNKNOWN_DEVICE' && onApprove && (
            <Button size="small" onClick={() => onApprove(file)}>
              {text.approveDevice}
            </Button>
          )}
          {file.status === 'needs-confirmation' && file.manifestSha256 && onConfirm && (
            <Checkbox checked={confirmed?.includes(file.manifestSha256)} onChange={(event) => onConfirm(file.manifestSha256!, event.target.checked)}>
              {text.confirmMassDelete}
            </Checkbox>
          )}
        </Space>
      ),
    },
  ];
  return <Table<WeeklogFileResult> size="small" rowKey={(file) => `${file.fileSha256}-${file.fileName}`} columns={columns} dataSource={result.files} pagination={false} />;
}

function Summary({ title, result }: { title: string; result: WeeklogImportResult }) {
  const type = result.status === 'OK' ? 'success' : result.status === 'WARNING' ? 'warning' : 'error';
  const waiting = result.files.reduce((most, file) => Math.max(most, file.waiting), 0);
  return <Alert type={type} showIcon message={title} description={waiting > 0 ? `${result.headline}。${text.waiting(waiting)}` : result.headline} style={{ marginBottom: 12 }} />;
}

/**
 * 导入周志: pick (or drop) many .qzlog files, see what importing would do (a dry run that
 * writes nothing), approve a new device after checking its fingerprint, then import.
 */
export function ImportPanel({ active }: { active: boolean }) {
  const [files, setFiles] = useState<PickedWeeklog[]>([]);
  const [confirm, setConfirm] = useState<string[]>([]);
  const [preview, setPreview] = useState<WeeklogImportResult | null>(null);
  const [result, setResult] = useState<WeeklogImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { message, modal } = App.useApp();

  const runPreview = useCallback(
    async (picked: PickedWeeklog[], confirmed: string[]) => {
      if (picked.length === 0) return setPreview(null);
      setBusy('preview');
      try {
        setPreview(await importWeekFiles(picked, { dryRun: true, confirm: confirmed }));
      } catch (error) {
        message.error(errorMessage(error));
      } finally {
        setBusy(null);
      }
    },
    [message],
  );

  const add = useCallback(
    (more: PickedWeeklog[]) => {
      setResult(null);
      const seen = new Set(files.map((file) => `${file.name}:${file.bytes.length}`));
      const next = [...files, ...more.filter((file) => !seen.has(`${file.name}:${file.bytes.length}`))];
      setFiles(next);
      void runPreview(next, confirm);
    },
    [files, confirm, runPreview],
  );

  // Files dropped anywhere on the window while this tab is open.
  useEffect(() => {
    if (!active) return;
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      setDragging(false);
      void readBrowserFiles(event.dataTransfer.files).then(add);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [active, add]);

  const pick = async (): Promise<void> => {
    try {
      const picked = await pickWithDesktop();
      if (picked === null) input.current?.click();
      else if (picked.length > 0) add(picked);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const approve = (file: WeeklogFileResult): void => {
    const details = file.reason?.details ?? {};
    const who = String(details.userName ?? file.file?.userName ?? details.deviceId ?? '');
    modal.confirm({
      title: text.approveTitle,
      content: (
        <Space direction="vertical">
          <Typography.Text>{text.approveBody(who)}</Typography.Text>
          <Typography.Text code style={{ fontSize: 18 }}>
            {String(details.fingerprint)}
          </Typography.Text>
        </Space>
      ),
      okText: text.approveOk,
      onOk: async () => {
        await teamRpc('weeklog.approveDevice', {
          deviceId: String(details.deviceId),
          publicKey: String(details.publicKey),
          label: text.deviceLabel(who),
          userId: typeof details.userId === 'string' ? details.userId : null,
          userName: who || null,
        });
        message.success(text.approved(who));
        await runPreview(files, confirm);
      },
    });
  };

  const toggleConfirm = (hash: string, on: boolean): void => {
    const next = on ? [...confirm, hash] : confirm.filter((item) => item !== hash);
    setConfirm(next);
    void runPreview(files, next);
  };

  const doImport = async (): Promise<void> => {
    setBusy('import');
    try {
      const done = await importWeekFiles(files, { dryRun: false, confirm });
      setResult(done);
      setFiles([]);
      setPreview(null);
      setConfirm([]);
      dataChanged('company', 'contact', 'visit', 'project', 'task');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const importable = preview?.files.filter((file) => file.status === 'preview').length ?? 0;
  return (
    <div>
      {dragging && <Alert type="info" message={text.dropHere} style={{ marginBottom: 12 }} />}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => void pick()}>
          {text.pick}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".qzlog"
          aria-label={text.pick}
          style={{ display: 'none' }}
          onChange={(event) => {
            const list = event.target.files;
            if (list?.length) void readBrowserFiles(list).then(add);
            event.target.value = '';
          }}
        />
        {files.length > 0 && (
          <Button onClick={() => (setFiles([]), setPreview(null), setConfirm([]))}>{text.clear}</Button>
        )}
        <Typography.Text type="secondary">{text.dropHint}</Typography.Text>
      </Flex>
      {busy === 'preview' && <Alert type="info" message={text.previewing} style={{ marginBottom: 12 }} />}
      {preview && (
        <section aria-label={text.previewTitle}>
          <Summary title={text.previewTitle} result={preview} />
          <ResultTable result={preview} onApprove={approve} confirmed={confirm} onConfirm={toggleConfirm} />
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Button type="primary" disabled={importable === 0} loading={busy === 'import'} onClick={() => void doImport()}>
              {importable > 0 ? text.confirmImport(importable) : text.nothingToImport}
            </Button>
          </Flex>
        </section>
      )}
      {result && (
        <section aria-label={text.resultTitle}>
          <Summary title={text.resultTitle} result={result} />
          <ResultTable result={result} />
        </section>
      )}
    </div>
  );
}
