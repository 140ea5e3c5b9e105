/** ECharts options for the cockpit's charts, from its data. Money is shown in 万元. */
import type { CockpitData, CockpitGroupRow } from '../../../shared/contract/cockpit';
import { VISIT_KIND_LABELS } from '../../../shared/domain/reference';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import type { ChartOption } from './EChart';
import { wanValue } from './format';
import { COCKPIT_TEXT } from './text';

const COLORS = ['#1f5fa8', '#2f9e8f', '#f2a541', '#7a5195', '#ef5675', '#5b8ff9', '#9d755d', '#8c8c8c'];
const wanLabel = (value: number) => `${value.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;

export function funnelOption(data: CockpitData): ChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个' },
    grid: { left: 56, right: 16, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: data.funnel.map((item) => STAGE_LABELS[item.stage]) },
    series: [{ type: 'bar', data: data.funnel.map((item) => item.count), label: { show: true, position: 'right' }, cursor: 'pointer' }],
  };
}

export function monthsOption(data: CockpitData): ChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => wanLabel(Number(value)) },
    legend: { data: [COCKPIT_TEXT.signedAmount, COCKPIT_TEXT.fundsInPlace], top: 0 },
    grid: { left: 64, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: data.months.map((month) => month.month) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: COCKPIT_TEXT.signedAmount, type: 'bar', data: data.months.map((month) => wanValue(month.signedAmountYuan)) },
      { name: COCKPIT_TEXT.fundsInPlace, type: 'bar', data: data.months.map((month) => wanValue(month.fundsYuan)) },
    ],
  };
}

export function groupOption(rows: readonly CockpitGroupRow[]): ChartOption {
  return {
    color: COLORS,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => wanLabel(Number(value)) },
    legend: { data: [COCKPIT_TEXT.signedAmount, COCKPIT_TEXT.fundsInPlace], top: 0 },
    grid: { left: 120, right: 24, top: 32, bottom: 24 },
    xAxis: { type: 'value', name: '万元' },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: COCKPIT_TEXT.signedAmount, type: 'bar', data: rows.map((row) => wanValue(row.signedAmountYuan)) },
      { name: COCKPIT_TEXT.fundsInPlace, type: 'bar', data: rows.map((row) => wanValue(row.fundsYuan)) },
    ],
  };
}

export function visitsOption(data: CockpitData): ChartOption {
  const { visits } = data;
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: visits.weeks.map((week) => week.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: visits.kinds.map((kind, k) => ({
      name: (VISIT_KIND_LABELS as Record<string, string>)[kind] ?? kind,
      type: 'bar',
      stack: 'visits',
      data: visits.counts.map((week) => week[k] ?? 0),
    })),
  };
}
