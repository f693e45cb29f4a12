import { useTranslation } from 'react-i18next';
import type { Tally } from '../../../shared/types';
import { useFormat } from '../format';
import { share, vars } from './resultBars';
import '../styles/result.css';

const yna = ['yes', 'no', 'abstain'] as const;

/** The live tally (presider console only, never the big screen). */
export function TallyView({ tally, titles, cast }: { tally: Tally; titles: Record<string, string>; cast: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scale = Math.max(cast, 1);
  if (tally.kind === 'motion') {
    return (
      <table className="table tally" data-testid="tally">
        <thead>
          <tr>{yna.map((k) => <th scope="col" key={k}>{t(`choice.${k}`)}</th>)}</tr>
        </thead>
        <tbody>
          <tr data-testid="tally-row-motion">
            {yna.map((k) => <td key={k} data-testid={k === 'yes' ? 'tally-yes-motion' : undefined}>{fmt.num(tally[k])}</td>)}
          </tr>
        </tbody>
      </table>
    );
  }
  if (tally.kind === 'evaluation' && tally.form === 'score') {
    // 无记名打分: how many scores each subject has so far and their mean (the ranks come with the result)
    return (
      <table className="table tally" data-testid="tally">
        <thead>
          <tr>
            <th scope="col">{t('result.subject')}</th>
            <th scope="col" className="num-col">{t('result.scored')}</th>
            <th scope="col" className="num-col">{t('result.mean')}</th>
          </tr>
        </thead>
        <tbody>
          {tally.options.map((o) => (
            <tr key={o.id} data-testid={`tally-row-${o.id}`}>
              <th scope="row">{titles[o.id] ?? o.id}</th>
              <td className="num-col" data-testid={`tally-count-${o.id}`}>{fmt.num(o.count)}</td>
              <td className="num-col" data-testid={`tally-mean-${o.id}`}>{o.count ? (o.sum / o.count).toFixed(2) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  const keys = tally.kind === 'selection' ? yna : (['satisfied', 'basic', 'unsatisfied'] as const);
  return (
    <table className="table tally" data-testid="tally">
      <thead>
        <tr>
          <th scope="col">{t('result.option')}</th>
          {keys.map((k) => (
            <th scope="col" key={k} className="num-col">
              {t(`choice.${k}`)}
            </th>
          ))}
          <th scope="col" className="tally__barcol">
            <span className="visually-hidden">{t('result.chart')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tally.options.map((o) => {
          const counts = o as unknown as Record<string, number>;
          return (
            <tr key={o.id} data-testid={`tally-row-${o.id}`}>
              <th scope="row">{titles[o.id] ?? o.id}</th>
              {keys.map((k) => (
                <td key={k} className="num-col" data-testid={`tally-${k}-${o.id}`}>
                  {fmt.num(counts[k] ?? 0)}
                </td>
              ))}
              <td className="tally__barcol" aria-hidden="true">
                <div className="row__bar row__bar--small">
                  {keys.map((k) => (
                    <span key={k} className={`seg seg--${k}`} style={vars({ '--w': share(counts[k] ?? 0, scale) })} />
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
