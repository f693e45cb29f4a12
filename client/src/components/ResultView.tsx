import { useTranslation } from 'react-i18next';
import type { BallotResult, EvaluationResult, MotionResult, SatisfactionOptionResult, SatisfactionResult, ScoreOptionResult, SelectionResult } from '../../../shared/types';
import { gradeChoice } from '../../../shared/execution';
import { useFormat } from '../format';
import { density, share, vars } from './resultBars';
import '../styles/result.css';
import '../styles/by-item.css';
import { Stat } from './Stat';

export type ResultVariant = 'table' | 'chart';

export function ResultView({ result, variant = 'table', titles }: { result: BallotResult; variant?: ResultVariant; titles?: Record<string, string> }) {
  return (
    <div className={`result result--${variant}`} data-testid="result-view" data-kind={result.kind}>
      <ResultSummary result={result} />
      {result.kind === 'selection' ? (
        <SelectionChart result={result} titles={titles} />
      ) : result.kind === 'satisfaction' ? (
        <SatisfactionChart result={result} titles={titles} />
      ) : result.kind === 'evaluation' ? (
        <EvaluationView result={result} titles={titles} />
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
      <Stat label={t('result.eligible')} testId="result-eligible">{fmt.num(result.eligible)}</Stat>
      <Stat label={t('result.cast')} testId="result-cast">{fmt.num(result.cast)}</Stat>
      <Stat label={t('result.base')} testId="result-base">
        {fmt.num(result.base)} <span className="muted result__note">({t(`baseRule.${result.baseRule}`)})</span>
      </Stat>
      {result.kind === 'selection' ? (
        <>
          <Stat label={t('result.seats')} testId="result-seats">{fmt.num(result.seats)}</Stat>
          <Stat label={t('result.selectedCount')} testId="result-selected-count">{fmt.num(result.selected.length)}</Stat>
          {result.tied.length > 0 ? (
            <Stat label={t('result.tiedCount')} testId="result-tied-count" className="result__flag result__flag--tied">{fmt.num(result.tied.length)}</Stat>
          ) : null}
          {result.shortfall > 0 ? (
            <Stat label={t('result.shortfall')} testId="result-shortfall" className="result__flag result__flag--short">{fmt.num(result.shortfall)}</Stat>
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
  const scale = Math.max(result.base, result.cast, 1);
  const byId = new Map(result.options.map((o) => [o.id, o]));
  return (
    <>
      <Legend keys={['satisfied', 'basic', 'unsatisfied']} />
      <ol className={`rows ${density(result.options.length)}`} style={vars({ '--half': share(result.base / 2, scale) })}>
        {result.byItem && result.projects
          // 子项 rated one by one: each project with its own grade (from its items' counts), its items under it
          ? result.projects.flatMap((p) => (p.items ? [
            <li key={p.id} className="row row--project" data-testid={`result-project-${p.id}`} data-grade={gradeChoice[p.grade] ?? 'unsatisfied'}>
              <ProjectHead project={p} title={titles?.[p.id] ?? p.title} base={result.base} />
            </li>,
            // one flat list (the big screen lines every bar up in one grid); items indented under their project
            ...p.items.map((i) => (byId.has(i.itemId) ? <SatisfactionRow key={i.itemId} o={byId.get(i.itemId)!} title={i.title} scale={scale} item /> : null)),
          ] : [byId.has(p.id) ? <SatisfactionRow key={p.id} o={byId.get(p.id)!} title={titles?.[p.id] ?? p.title} scale={scale} /> : null]))
          : result.options.map((o) => <SatisfactionRow key={o.id} o={o} title={titles?.[o.id] ?? o.title} scale={scale} />)}
      </ol>
    </>
  );
}

/** A project rated item by item: its grade from the items' counts summed, against base × the number of items. */
function ProjectHead({ project: p, title, base }: { project: NonNullable<SatisfactionResult['projects']>[number]; title: string; base: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const g = gradeChoice[p.grade] ?? 'unsatisfied';
  return (
    <>
      <div className="row__head">
        <span className="row__title">{title}</span>
        <span className={`badge badge--grade-${g}`} data-testid={`result-project-grade-${p.id}`}>{t(`choice.${g}`)}</span>
        <span className="row__summed">{t('byItem.summed', { n: fmt.num(p.items?.length ?? 0), base: fmt.num(base * (p.items?.length ?? 1)) })}</span>
      </div>
      <p className="row__nums">
        <span className="num num--satisfied">{t('choice.satisfied')} <b>{fmt.num(p.satisfied)}</b></span>
        <span className="num num--basic">{t('choice.basic')} <b>{fmt.num(p.basic)}</b></span>
        <span className="num num--unsatisfied">{t('choice.unsatisfied')} <b>{fmt.num(p.unsatisfied)}</b></span>
        <span className="num">{t('result.rate')} <b>{fmt.pct(p.rate)}</b></span>
      </p>
    </>
  );
}

function SatisfactionRow({ o, title, scale, item = false }: { o: SatisfactionOptionResult; title: string; scale: number; item?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const g = gradeChoice[o.grade] ?? 'unsatisfied';
  return (
    <li className={`row row--grade-${g}${item ? ' row--item' : ''}`} data-testid={`result-row-${o.id}`} data-grade={g}>
      <div className="row__head">
        <span className="row__title">{title}</span>
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

/** 评议: a graded evaluation reads as a satisfaction result; a scored one as means, ranks and 红黄黑旗 in words. */
function EvaluationView({ result, titles }: { result: EvaluationResult; titles?: Record<string, string> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (result.form === 'grade') {
    return <SatisfactionChart result={{ ...result, kind: 'satisfaction', options: result.options as SatisfactionOptionResult[] }} titles={titles} />;
  }
  const rows = [...(result.options as ScoreOptionResult[])].sort((a, b) => a.rank - b.rank);
  return (
    <table className="table result__scores" data-testid="result-scores" data-dense={rows.length > 8 ? '' : undefined}>
      <caption className="small muted">{t('result.scoreScale', { min: result.scale?.min ?? 0, max: result.scale?.max ?? 100 })}</caption>
      <thead><tr><th scope="col">{t('result.rank')}</th><th scope="col">{t('result.subject')}</th><th scope="col">{t('result.mean')}</th><th scope="col">{t('result.scored')}</th>{result.flags ? <th scope="col">{t('result.flag')}</th> : null}</tr></thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id} data-testid={`result-row-${o.id}`} data-rank={o.rank}>
            <td>{o.rank}</td>
            <th scope="row">{titles?.[o.id] ?? o.title}</th>
            <td data-testid={`result-mean-${o.id}`}>{o.mean.toFixed(2)}</td>
            <td>{fmt.num(o.count)}</td>
            {result.flags ? <td><span className={`flag flag--${o.flag}`}>{t(`result.flags.${o.flag}`)}</span></td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
