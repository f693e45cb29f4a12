// The 民意指数 beside a candidate (API.md "Representatives and residents"): how many residents asked for it and
// through which channels — a small bar, its numbers as text, the channels as text too (never only colour).
// It never orders anything: the caller keeps the ballot's own order, and the bar's length is relative to
// the largest of the same ballot only so the eye can compare, not a rank.
import { useTranslation } from 'react-i18next';
import { barLength, channelShares, type Demand } from '../../../shared/demand';
import { useFormat } from '../format';
import '../styles/demand.css';

export function DemandBar({ demand, largest, testId }: { demand: Partial<Demand>; largest: number; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const suggestions = demand.suggestions ?? 0;
  const shares = channelShares(demand.byChannel ?? {});
  const channels = shares.map((s) => t('demand.channelItem', { channel: t(`suggestionChannel.${s.channel}`), n: fmt.num(s.count) })).join(' · ');
  const summary = suggestions
    ? t('demand.summary', { supporters: fmt.num(demand.supporters ?? 0), suggestions: fmt.num(suggestions) })
    : t('demand.none');
  return (
    <div className="demand" data-testid={testId} data-suggestions={suggestions} title={channels || undefined}>
      <span className="demand__label">{t('demand.label')}</span>
      <span className="demand__track" aria-hidden="true">
        <span className="demand__fill" style={{ width: `${barLength(suggestions, largest)}%` }}>
          {shares.map((s) => <span key={s.channel} className={`demand__seg demand__seg--${s.channel}`} style={{ width: `${s.percent}%` }} />)}
        </span>
      </span>
      <span className="demand__text">{summary}</span>
      {channels ? <span className="demand__channels">{t('demand.byChannel', { list: channels })}</span> : null}
    </div>
  );
}

/** The largest count among a ballot's candidates: the bars' common scale. */
export const largestOf = (options: readonly Partial<Demand>[]) => Math.max(0, ...options.map((o) => o.suggestions ?? 0));
