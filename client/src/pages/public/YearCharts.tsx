// The year's charts: how the projects stand and their fields, as horizontal bars that fit a 390 px phone
// (ECharts through charts/echarts.ts, this chunk loaded by the public body page alone, never by the tablet).
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { barsOption, echarts, type ChartOption } from '../../charts/echarts';
import { executions } from '../../../../shared/execution';
import type { ListedProject } from './publicApi';

/** Rows are 28 px: the chart is as tall as its bars need. */
function Chart({ option, rows, label, testId }: { option: ChartOption; rows: number; label: string; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [option]);
  return <div ref={el} className="portal-chart" style={{ height: `${Math.max(1, rows) * 28 + 8}px` }} role="img" aria-label={label} data-testid={testId} />;
}

const colors: Record<string, string> = { not_started: '#8d969e', in_progress: '#1e6fc0', behind: '#c77700', done: '#2e7d32', rectifying: '#c62828' };

export default function YearCharts({ projects }: { projects: ListedProject[] }) {
  const { t, i18n } = useTranslation();
  // English names are longer: a wider label column (still leaving the bars half of a 390 px phone's card)
  const labelWidth = i18n.language === 'en' ? 136 : 96;
  const { categoryText, execText, execOption, catOption, execRows, catRows } = useMemo(() => {
    const byCategory = new Map<string, number>();
    for (const p of projects) byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + 1);
    const cats = [...byCategory].sort((a, b) => b[1] - a[1]);
    const exec = executions.map((e) => ({ name: t(`execution.${e}`), value: projects.filter((p) => p.execution === e).length, itemStyle: { color: colors[e] } })).filter((x) => x.value);
    const categoryText = cats.map(([c, n]) => `${t(`category.${c}`, { defaultValue: c })} ${n}`).join('，');
    const execText = exec.map((x) => `${x.name} ${x.value}`).join('，');
    const execOption = barsOption(exec.map((x) => ({ name: x.name, value: x.value, color: x.itemStyle.color })), labelWidth);
    const catOption = barsOption(cats.map(([c, n]) => ({ name: t(`category.${c}`, { defaultValue: c }), value: n })), labelWidth);
    return { categoryText, execText, execOption, catOption, execRows: exec.length, catRows: cats.length };
  }, [projects, t, labelWidth]);
  return (
    <section className="stack" aria-labelledby="charts-heading" data-testid="year-charts">
      <h3 id="charts-heading" className="visually-hidden">{t('portal.charts')}</h3>
      <div className="portal-ratings">
        <figure className="card"><figcaption>{t('portal.chartExecution')}</figcaption>
          <Chart testId="chart-execution" rows={execRows} label={`${t('portal.chartExecution')}：${execText}`} option={execOption} /></figure>
        <figure className="card"><figcaption>{t('portal.chartCategory')}</figcaption>
          <Chart testId="chart-category" rows={catRows} label={`${t('portal.chartCategory')}：${categoryText}`} option={catOption} /></figure>
      </div>
    </section>
  );
}
