// 子项: each item of a project as a bar of its own, with its title, percent and target — on the public
// page (a resident's phone), the staff's and members' view of the project and the department's panel.
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../../shared/types';
import { gradeChoice } from '../../../../shared/execution';
import { useFormat } from '../../format';
import '../../styles/supervision.css';
import '../../styles/items.css';
import '../../styles/by-item.css';

export type ItemShown = { id: string; title: string; target: string | null; percent: number };
/** 子项 rated one by one: an item's grade in the latest round that rated items (API.md `grades[].items`) */
export type ItemGradeShown = { itemId: string; grade: Grade; rate: number };

/** The item grades of the latest recorded grade that has them (grades are oldest first). */
export const latestItemGrades = (grades: { items?: ItemGradeShown[] }[]) => [...grades].reverse().find((g) => g.items?.length)?.items ?? [];

export function ItemBars({ items, headingLevel = 3, grades = [] }: { items: ItemShown[]; headingLevel?: 2 | 3; grades?: ItemGradeShown[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const gradeOf = new Map(grades.map((g) => [g.itemId, g]));
  if (!items.length) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="items-bars-heading" className="item-bars" data-testid="item-bars">
      <Heading id="items-bars-heading">{t('items.heading')}</Heading>
      <ul className="plain-list stack">
        {items.map((i) => (
          <li key={i.id} className="item-bars__item" data-testid="item-bar">
            <p className="item-bars__title"><strong>{i.title}</strong> <span>{i.percent}%</span></p>
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={i.percent} aria-label={t('items.progressLabel', { title: i.title, percent: i.percent })}>
              <span className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, i.percent))}%` }} />
            </div>
            {i.target ? <p className="small muted">{t('items.targetLabel', { target: i.target })}</p> : null}
            {gradeOf.has(i.id) ? (() => {
              const g = gradeOf.get(i.id)!;
              const c = gradeChoice[g.grade] ?? 'unsatisfied';
              return (
                <p className="item-grade small" data-testid="item-grade" aria-label={t('byItem.itemGradeLabel', { title: i.title, grade: t(`choice.${c}`), rate: fmt.pct(g.rate) })}>
                  <span className={`item-grade__badge item-grade__badge--${c}`}>{t('byItem.itemGrade', { grade: t(`choice.${c}`) })}</span>
                  <span aria-hidden="true">{t('result.rate')} {fmt.pct(g.rate)}</span>
                </p>
              );
            })() : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A report's item percents as one line, by the items' titles ("" without any). */
export const reportItemsText = (reported: { itemId: string; percent: number }[], items: ItemShown[]) =>
  reported.map((x) => `${items.find((i) => i.id === x.itemId)?.title ?? '—'} ${x.percent}%`).join('，');
