import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotResult, MotionResult, SatisfactionResult, SelectionResult, Tally } from '../../../shared/types';
import { gradeChoice } from '../../../shared/execution';
import { useFormat } from '../format';
import '../styles/result.css';


/** Row density class, so 20 candidates still fit one hall screen. */
function density(n: number): string {
  return n > 18 ? 'rows--xdense' : n > 12 ? 'rows--dense' : '';
}

function share(n: number, of: number): string {
  if (!of || of <= 0) return '0%';
  return `${Math.max(0, Math.min(100, (n / of) * 100)).toFixed(3)}%`;
}
/** Bar widths go through CSS custom properties (no inline style text, CSP friendly). */
function vars(v: Record<string, string>): CSSProperties {
  return v as CSSProperties;
}

export type ResultVariant = 'table' | 'chart';

export function ResultView({ result, variant = 'table', titles }: { result: BallotResult; variant?: ResultVariant; titles?: Record<string, string> }) {
  return (
    <div className={`result result--${variant}`} data-testid="result-view" data-kind={result.kind}>
      <ResultSummary result={result} />
      {result.kind === 'selection' ? (
        <SelectionChart result={result} titles={titles} />
      ) : result.kind === 'satisfaction' ? (
        <SatisfactionChart result={result} titles={titles} />
      ) : (
        <MotionChart result={result} />
      )}
    </div>
  );
}

export function ResultSummary({ result }: { result: BallotResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl className="result__summary">
      <div>
        <dt>{t('result.eligible')}</dt>
        <dd data-testid="result-eligible">{fmt.num(result.eligible)}</dd>
      </div>
      <div>
        <dt>{t('result.cast')}</dt>
        <dd data-testid="result-cast">{fmt.num(result.cast)}</dd>
      </div>
      <div>
        <dt>{t('result.base')}</dt>
        <dd data-testid="result-base">
          {fmt.num(result.base)} <span className="muted result__note">({t(`baseRule.${result.baseRule}`)})</span>
        </dd>
      </div>
      {result.kind === 'selection' ? (
        <>
          <div>
            <dt>{t('result.seats')}</dt>
            <dd data-testid="result-seats">{fmt.num(result.seats)}</dd>
          </div>
          <div>
            <dt>{t('result.selectedCount')}</dt>
            <dd data-testid="result-selected-count">{fmt.num(result.selected.length)}</dd>
          </div>
          {result.tied.length > 0 ? (
            <div className="result__flag result__flag--tied">
              <dt>{t('result.tiedCount')}</dt>
              <dd data-testid="result-tied-count">{fmt.num(result.tied.length)}</dd>
            </div>
          ) : null}
          {result.shortfall > 0 ? (
            <div className="result__flag result__flag--short">
              <dt>{t('result.shortfall')}</dt>
              <dd data-testid="result-shortfall">{fmt.num(result.shortfall)}</dd>
            </div>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

function Legend({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-hidden="true">
      {keys.map((k) => (
        <li key={k}>
          <span className={`legend__swatch seg--${k}`} />
          {t(`choice.${k}`)}
        </li>
      ))}
      <li>
        <span className="legend__line" />
        {t('result.halfBase')}
      </li>
    </ul>
  );
}

function SelectionChart({ result, titles }: { result: SelectionResult; titles?: Record<string, string> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scale = Math.max(result.base, result.cast, 1);
  const chooseN = result.form === 'choose_n';
  const keys = chooseN ? ['yes'] : ['yes', 'no', 'abstain'];
  return (
    <>
      <Legend keys={keys} />
      <ol className={`rows ${density(result.options.length)}`} style={vars({ '--half': share(result.base / 2, scale) })}>
        {result.options.map((o) => (
          <li
            key={o.id}
            className={`row row--${o.status}`}
            data-testid={`result-row-${o.id}`}
            data-status={o.status}
            data-passed={o.passed}
          >
            <div className="row__head">
              <span className="row__title">{titles?.[o.id] ?? o.title}</span>
              <span className={`badge badge--${o.status}`} data-testid={`result-status-${o.id}`}>
                {t(`optionStatus.${o.status}`)}
              </span>
            </div>
            <div className="row__bar" role="img" aria-label={chooseN
              ? t('result.ariaYes', { yes: fmt.num(o.yes) })
              : t('result.ariaYna', { yes: fmt.num(o.yes), no: fmt.num(o.no), abstain: fmt.num(o.abstain) })}>
              <span className="seg seg--yes" style={vars({ '--w': share(o.yes, scale) })} />
              {chooseN ? null : (
                <>
                  <span className="seg seg--no" style={vars({ '--w': share(o.no, scale) })} />
                  <span className="seg seg--abstain" style={vars({ '--w': share(o.abstain, scale) })} />
                </>
              )}
              <span className="row__half" aria-hidden="true" />
            </div>
            <div className="row__nums">
              <span className="num num--yes">
                {t('choice.yes')} <b data-testid={`result-yes-${o.id}`}>{fmt.num(o.yes)}</b>
              </span>
              {chooseN ? null : (
                <>
                  <span className="num num--no">
                    {t('choice.no')} <b data-testid={`result-no-${o.id}`}>{fmt.num(o.no)}</b>
                  </span>
                  <span className="num num--abstain">
                    {t('choice.abstain')} <b data-testid={`result-abstain-${o.id}`}>{fmt.num(o.abstain)}</b>
                  </span>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function SatisfactionChart({ result, titles }: { result: SatisfactionResult; titles?: Record<string, string> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scale = Math.max(result.base, result.cast, 1);
  return (
    <>
      <Legend keys={['satisfied', 'basic', 'unsatisfied']} />
      <ol className={`rows ${density(result.options.length)}`} style={vars({ '--half': share(result.base / 2, scale) })}>
        {result.options.map((o) => {
          const g = gradeChoice[o.grade] ?? 'unsatisfied';
          return (
            <li key={o.id} className={`row row--grade-${g}`} data-testid={`result-row-${o.id}`} data-grade={g}>
              <div className="row__head">
                <span className="row__title">{titles?.[o.id] ?? o.title}</span>
                <span className={`badge badge--grade-${g}`} data-testid={`result-status-${o.id}`}>
                  {t(`choice.${g}`)}
                </span>
              </div>
              <div
                className="row__bar"
                role="img"
                aria-label={t('result.ariaSat', { satisfied: fmt.num(o.satisfied), basic: fmt.num(o.basic), unsatisfied: fmt.num(o.unsatisfied) })}
              >
                <span className="seg seg--satisfied" style={vars({ '--w': share(o.satisfied, scale) })} />
                <span className="seg seg--basic" style={vars({ '--w': share(o.basic, scale) })} />
                <span className="seg seg--unsatisfied" style={vars({ '--w': share(o.unsatisfied, scale) })} />
                <span className="row__half" aria-hidden="true" />
              </div>
              <div className="row__nums">
                <span className="num num--satisfied">
                  {t('choice.satisfied')} <b>{fmt.num(o.satisfied)}</b>
                </span>
                <span className="num num--basic">
                  {t('choice.basic')} <b>{fmt.num(o.basic)}</b>
                </span>
                <span className="num num--unsatisfied">
                  {t('choice.unsatisfied')} <b>{fmt.num(o.unsatisfied)}</b>
                </span>
                <span className="num">
                  {t('result.rate')} <b data-testid={`result-rate-${o.id}`}>{fmt.pct(o.rate)}</b>
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function MotionChart({ result }: { result: MotionResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scale = Math.max(result.base, result.cast, 1);
  return (
    <div className="motion-result" data-testid="result-motion" data-passed={result.passed}>
      {result.question ? <p className="motion-result__q">{result.question}</p> : null}
      <p className={`motion-result__verdict ${result.passed ? 'is-passed' : 'is-failed'}`} data-testid="result-motion-verdict">
        {result.passed ? t('result.motionPassed') : t('result.motionFailed')}
      </p>
      <ol className="rows rows--motion" style={vars({ '--half': share(result.base / 2, scale) })}>
        {(['yes', 'no', 'abstain'] as const).map((k) => (
          <li key={k} className="row" data-testid={`result-row-${k}`}>
            <div className="row__head">
              <span className="row__title">{t(`choice.${k}`)}</span>
              <b className="row__count">{fmt.num(result[k])}</b>
            </div>
            <div className="row__bar" aria-hidden="true">
              <span className={`seg seg--${k}`} style={vars({ '--w': share(result[k], scale) })} />
              {k === 'yes' ? <span className="row__half" /> : null}
            </div>
          </li>
        ))}
      </ol>
      {result.named && result.named.length > 0 ? (
        <table className="table named" data-testid="result-named">
          <caption>{t('result.named')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('result.memberName')}</th>
              <th scope="col">{t('result.vote')}</th>
            </tr>
          </thead>
          <tbody>
            {result.named.map((n) => (
              <tr key={n.memberId}>
                <td>{n.name}</td>
                <td>{t(`choice.${n.vote}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** The live tally (presider console only, never the big screen). */
export function TallyView({ tally, titles, cast }: { tally: Tally; titles: Record<string, string>; cast: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scale = Math.max(cast, 1);
  if (tally.kind === 'motion') {
    return (
      <table className="table tally" data-testid="tally">
        <thead>
          <tr>
            <th scope="col">{t('choice.yes')}</th>
            <th scope="col">{t('choice.no')}</th>
            <th scope="col">{t('choice.abstain')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="tally-row-motion">
            <td data-testid="tally-yes-motion">{fmt.num(tally.yes)}</td>
            <td>{fmt.num(tally.no)}</td>
            <td>{fmt.num(tally.abstain)}</td>
          </tr>
        </tbody>
      </table>
    );
  }
  const keys = tally.kind === 'selection' ? (['yes', 'no', 'abstain'] as const) : (['satisfied', 'basic', 'unsatisfied'] as const);
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
