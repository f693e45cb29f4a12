// The one door to Apache ECharts: its modular core with only what the public charts draw — horizontal bar
// charts on a grid, painted on canvas (no pie, no tooltip: every value is written on its bar, and each chart's
// aria-label says them all). Imported only by lazily loaded chart components (pages/public/YearCharts.tsx),
// so no other page downloads it; `npm run bench -- --weights` measures what the body page loads.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, CanvasRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/**
 * A horizontal bar chart option: one row per item, its name on the left (cut with … past `labelWidth` px, so
 * nothing runs off a 390 px phone), its value at the bar's end.
 */
export function barsOption(items: { name: string; value: number; color?: string }[], labelWidth = 96): ChartOption {
  return {
    animation: false,
    grid: { left: labelWidth + 8, right: 32, top: 4, bottom: 4, containLabel: false },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: {
      type: 'category', inverse: true, data: items.map((x) => x.name), axisTick: { show: false },
      axisLabel: { width: labelWidth, overflow: 'truncate', fontSize: 13, color: '#1f2328' },
    },
    series: [{
      type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right', fontSize: 13, color: '#1f2328' },
      data: items.map((x) => ({ value: x.value, itemStyle: { color: x.color ?? '#1e6fc0' } })),
    }],
  };
}
