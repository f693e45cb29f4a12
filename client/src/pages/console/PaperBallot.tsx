// 打印选票: the selection ballot on paper (for a hall without tablets, or its record), each candidate in the
// ballot's order with its department, cost and 民意指数 beside it, and boxes to mark. Hidden on screen; printing
// shows it alone (the rest of the console is hidden by the print rules in dossier.css).
import { useTranslation } from 'react-i18next';
import type { BallotDetail } from '../../api';
import { useFormat } from '../../format';
import { DemandBar, largestOf } from '../../components/DemandBar';
import '../../styles/dossier.css';

export function PaperBallot({ ballot, sessionName }: { ballot: BallotDetail; sessionName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (ballot.kind !== 'selection') return null;
  const chooseN = ballot.form === 'choose_n';
  const marks = chooseN ? ['yes'] : ['yes', 'no', 'abstain'];
  const largest = largestOf(ballot.options);
  return (
    <>
      <button type="button" className="btn btn--secondary" onClick={() => window.print()} data-testid="paper-ballot-print">{t('paperBallot.print')}</button>
      <section className="paper-ballot" data-testid="paper-ballot" aria-label={t('paperBallot.print')}>
        <p className="paper-ballot__session">{sessionName}</p>
        <h2 className="paper-ballot__title">{ballot.title}</h2>
        <p className="paper-ballot__hint">{chooseN ? t('vote.chooseNHint', { seats: fmt.num(ballot.seats ?? 0) }) : t('vote.perCandidateHint', { seats: fmt.num(ballot.seats ?? 0) })}</p>
        <table className="paper-ballot__table">
          <thead>
            <tr><th scope="col">{t('paperBallot.candidate')}</th>{marks.map((m) => <th key={m} scope="col">{t(`choice.${m}`)}</th>)}</tr>
          </thead>
          <tbody>
            {ballot.options.map((o, i) => (
              <tr key={o.id} data-testid={`paper-ballot-${o.id}`}>
                <td>
                  <strong>{fmt.num(i + 1)}. {o.title}</strong>
                  <div className="small">{[o.department, o.investment != null ? fmt.wan(o.investment) : null].filter(Boolean).join(' · ')}</div>
                  <DemandBar demand={o} largest={largest} />
                </td>
                {marks.map((m) => <td key={m} className="paper-ballot__box" aria-label={t(`choice.${m}`)} />)}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small paper-ballot__note">{t('demand.note')}</p>
      </section>
    </>
  );
}
