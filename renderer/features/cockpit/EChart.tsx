import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type Ref } from 'react';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

export interface ChartHandle {
  /** The chart as a PNG data URL (white background, twice the screen resolution). */
  pngDataUrl: () => string | null;
}

/**
 * One ECharts chart, canvas-rendered (so it can be saved as PNG), resized with its box.
 * Clicks on data items are handed to `onItemClick` — every bar and funnel layer is a
 * drill-down. The chart is an image to assistive technology; the same numbers are in
 * the clickable lists beside each chart.
 */
export function EChart({ option, onItemClick, label, height = 300, ref }: { option: ChartOption; onItemClick?: (click: ChartClick) => void; label: string; height?: number; ref?: Ref<ChartHandle> }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const event = params as { seriesIndex?: number; dataIndex?: number; name?: string };
      clickRef.current?.({ seriesIndex: event.seriesIndex ?? 0, dataIndex: event.dataIndex ?? 0, name: event.name ?? '' });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const handle: ChartHandle = { pngDataUrl: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null };
    if (typeof ref === 'function') ref(handle);
    else if (ref) (ref as { current: ChartHandle | null }).current = handle;
  }, [ref]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
