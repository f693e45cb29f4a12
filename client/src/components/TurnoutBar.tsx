import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/turnout.css';

function pct(n: number, of: number): string {
  return of > 0 ? `${Math.min(100, Math.max(0, (n / of) * 100)).toFixed(3)}%` : '0%';
}

/**
 * Voting progress while a ballot is open: the bar's full length is the eligible count, the fill is
 * the ballots cast, the line marks how many are present (the most that can vote now), and a legend
 * says so. `block` is the class prefix: `screen-turnout` on the hall screen, `turnout` on the console.
 */
export function TurnoutBar({ block, cast, eligible, present, aside }: {
  block: 'screen-turnout' | 'turnout';
  cast: number;
  eligible: number;
  present: number;
  /** shown at the end of the legend's line (the hall screen's percentage) */
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div
        className={`${block}__bar`}
        role="progressbar"
        aria-label={t('turnout.label')}
        aria-valuemin={0}
        aria-valuemax={eligible}
        aria-valuenow={cast}
        style={{ '--cast': pct(cast, eligible), '--present': pct(present, eligible) } as CSSProperties}
      >
        <span className={`${block}__fill`} />
        <span className={`${block}__present`} aria-hidden="true" />
      </div>
      <div className={`turnout-legend turnout-legend--${block === 'turnout' ? 'console' : 'screen'}`}>
        <ul className="turnout-legend__items" aria-label={t('turnout.legend')}>
          <li>
            <span className="turnout-legend__key turnout-legend__key--cast" aria-hidden="true" />
            {t('turnout.legendCast')}
          </li>
          <li>
            <span className="turnout-legend__key turnout-legend__key--present" aria-hidden="true" />
            {t('turnout.legendPresent')}
          </li>
          <li>
            <span className="turnout-legend__key turnout-legend__key--track" aria-hidden="true" />
            {t('turnout.legendEligible')}
          </li>
        </ul>
        {aside}
      </div>
    </>
  );
}
