import { App, Button, Empty, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ImportedFileEntry, KnownDevice } from '../../../shared/contract/weeklog';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/rpc';
import { teamRpc } from './api';

const text = weeklogUi.team;

/** 已登记设备: whose files this lead accepts; a lost laptop is stopped here. */
export function DevicesPanel({ refresh }: { refresh: number }) {
  const [devices, setDevices] = useState<KnownDevice[] | null>(null);
  const { message, modal } = App.useApp();
  const load = useCallback(async () => {
    try {
      setDevices(await teamRpc('weeklog.devices', {}));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }, [message]);
  useEffect(() => {
    void load();
  }, [load, refresh]);
  if (devices?.length === 0) return <Empty description={text.devices.empty} />;
  return (
    <Table<KnownDevice>
      size="small"
      rowKey="deviceId"
      loading={devices === null}
      dataSource={devices ?? []}
      pagination={false}
      columns={[
        { key: 'label', title: text.devices.label, render: (_, device) => device.label },
        { key: 'member', title: text.devices.member, render: (_, device) => device.userName ?? '—' },
        { key: 'fingerprint', title: text.devices.fingerprint, render: (_, device) => <Typography.Text code>{device.fingerprint}</Typography.Text> },
        { key: 'source', title: text.devices.source, render: (_, device) => (device.source === 'platform' ? text.devices.sourcePlatform : text.devices.sourceApproved) },
        { key: 'approvedAt', title: text.devices.approvedAt, render: (_, device) => formatDateTime(device.approvedAt) },
        {
          key: 'actions',
          title: '',
          render: (_, device) =>
            device.revokedAt ? (
              <Tag>{text.devices.revoked}</Tag>
            ) : (
              <Button
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: text.devices.revoke,
                    content: text.devices.revokeConfirm,
                    onOk: async () => {
                      await teamRpc('weeklog.revokeDevice', { deviceId: device.deviceId });
                      await load();
                    },
                  })
                }
              >
                {text.devices.revoke}
              </Button>
            ),
        },
      ]}
    />
  );
}

/** 导入记录: the files this lead imported. */
export function ImportHistoryPanel({ refresh }: { refresh: number }) {
  const [files, setFiles] = useState<ImportedFileEntry[] | null>(null);
  const { message } = App.useApp();
  useEffect(() => {
    teamRpc('weeklog.imports', {}).then(setFiles, (error: unknown) => message.error(errorMessage(error)));
  }, [message, refresh]);
  if (files?.length === 0) return <Empty description={text.history.empty} />;
  return (
    <Table<ImportedFileEntry>
      size="small"
      rowKey="manifestSha256"
      loading={files === null}
      dataSource={files ?? []}
      columns={[
        { key: 'file', title: text.columns.file, render: (_, file) => file.fileName },
        { key: 'member', title: text.columns.member, render: (_, file) => file.userName },
        { key: 'week', title: text.columns.week, render: (_, file) => file.week },
        { key: 'changes', title: text.history.changes, align: 'right', render: (_, file) => file.changeCount },
        { key: 'created', title: text.columns.created, align: 'right', render: (_, file) => file.stats.created },
        { key: 'conflicts', title: text.columns.conflicts, align: 'right', render: (_, file) => file.stats.conflicts },
        { key: 'exportedAt', title: text.history.exportedAt, render: (_, file) => formatDateTime(file.exportedAt) },
        { key: 'importedAt', title: text.history.importedAt, render: (_, file) => formatDateTime(file.importedAt) },
      ]}
    />
  );
}
