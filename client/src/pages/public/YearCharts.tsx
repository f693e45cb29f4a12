// The year's charts with Apache ECharts (only its core, the bar and pie charts and the canvas renderer:
// this chunk is loaded by the public body page alone, never by the tablet).
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { executions } from '../../../../shared/implementation-dashboard';
import type { ListedProject } from './publicApi';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, label, testId }: { option: echarts.EChartsCoreOption; label: string; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [option]);
  return <div ref={el} className="portal-chart" role="img" aria-label={label} data-testid={testId} />;
}

const colors: Record<string, string> = { not_started: '#8d969e', in_progress: '#1e6fc0', behind: '#c77700', done: '#2e7d32', rectifying: '#c62828' };

export default function YearCharts({ projects }: { projects: ListedProject[] }) {
  const { t } = useTranslation();
  const { categoryText, execText, execOption, catOption } = useMemo(() => {
    const byCategory = new Map<string, number>();
    for (const p of projects) byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + 1);
    const cats = [...byCategory].sort((a, b) => b[1] - a[1]);
    const exec = executions.map((e) => ({ name: t(`execution.${e}`), value: projects.filter((p) => p.execution === e).length, itemStyle: { color: colors[e] } })).filter((x) => x.value);
    const categoryText = cats.map(([c, n]) => `${t(`category.${c}`, { defaultValue: c })} ${n}`).join('，');
    const execText = exec.map((x) => `${x.name} ${x.value}`).join('，');
    const execOption = { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['40%', '70%'], data: exec, label: { formatter: '{b} {c}' } }] };
    const catOption = { tooltip: {}, grid: { left: 90, right: 16, top: 8, bottom: 24 }, xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: cats.map(([c]) => t(`category.${c}`, { defaultValue: c })) },
      series: [{ type: 'bar', data: cats.map(([, n]) => n), itemStyle: { color: '#1e6fc0' } }] };
    return { categoryText, execText, execOption, catOption };
  }, [projects, t]);
  return (
    <section className="stack" aria-labelledby="charts-heading" data-testid="year-charts">
      <h3 id="charts-heading" className="visually-hidden">{t('portal.charts')}</h3>
      <div className="portal-ratings">
        <figure className="card"><figcaption>{t('portal.chartExecution')}</figcaption>
          <Chart testId="chart-execution" label={`${t('portal.chartExecution')}：${execText}`} option={execOption} /></figure>
        <figure className="card"><figcaption>{t('portal.chartCategory')}</figcaption>
          <Chart testId="chart-category" label={`${t('portal.chartCategory')}：${categoryText}`} option={catOption} /></figure>
      </div>
    </section>
  );
}
