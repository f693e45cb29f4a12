// 子项: each item of a project as a bar of its own, with its title, percent and target — on the public
// page (a resident's phone), the staff's and members' view of the project and the department's panel.
import { useTranslation } from 'react-i18next';
import '../../styles/supervision.css';
import '../../styles/items.css';

export type ItemShown = { id: string; title: string; target: string | null; percent: number };

export function ItemBars({ items, headingLevel = 3 }: { items: ItemShown[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
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
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A report's item percents as one line, by the items' titles ("" without any). */
export const reportItemsText = (reported: { itemId: string; percent: number }[], items: ItemShown[]) =>
  reported.map((x) => `${items.find((i) => i.id === x.itemId)?.title ?? '—'} ${x.percent}%`).join('，');
