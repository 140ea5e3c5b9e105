import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Tooltip, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { EChart, type ChartClick, type ChartHandle, type ChartOption } from './EChart';
import { dataUrlBytes, saveBytes } from './save-file';
import { COCKPIT_TEXT } from './text';

/** A titled chart with its PNG export and, below it, the same numbers as clickable text. */
export function ChartCard({
  title,
  hint,
  fileName,
  option,
  onItemClick,
  height,
  children,
}: {
  title: string;
  hint?: string;
  fileName: string;
  option: ChartOption;
  onItemClick?: (click: ChartClick) => void;
  height?: number;
  children?: ReactNode;
}) {
  const chart = useRef<ChartHandle | null>(null);
  const { message } = App.useApp();
  const exportPng = async (): Promise<void> => {
    const url = chart.current?.pngDataUrl();
    if (!url) return;
    if (await saveBytes(`${fileName}.png`, dataUrlBytes(url), 'image/png')) void message.success(COCKPIT_TEXT.exported(`${fileName}.png`));
  };
  return (
    <Card
      size="small"
      title={title}
      className="qz-cockpit-card"
      extra={
        <Tooltip title={COCKPIT_TEXT.exportPng}>
          <Button size="small" type="text" icon={<DownloadOutlined />} aria-label={`${title}：${COCKPIT_TEXT.exportPng}`} className="qz-no-print" onClick={() => void exportPng()} />
        </Tooltip>
      }
    >
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
      <EChart ref={chart} option={option} onItemClick={onItemClick} label={title} height={height} />
      {children}
    </Card>
  );
}
