// 综合满意度规则: the body's published weights for the members' grade, the residents' ratings and the
// household survey, and what the figure means (API.md "Evaluation"). Projects' pages link here (#rule).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Feedback';
import { compositeParts, partLabel, useSatisfactionRule } from './publicEvalApi';

export function RuleSection({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rule = useSatisfactionRule(bodyId);
  return (
    <section className="card stack" id="rule" aria-labelledby="rule-heading" data-testid="satisfaction-rule">
      <h2 id="rule-heading">{t('publicEval.ruleHeading')}</h2>
      <ErrorBox error={rule.error} />
      {rule.isPending ? <Loading /> : !rule.data ? <p className="muted" data-testid="rule-none">{t('publicEval.ruleNone')}</p> : (
        <>
          <table className="table table--compact">
            <thead><tr><th scope="col">{t('publicEval.part')}</th><th scope="col">{t('publicEval.weight')}</th></tr></thead>
            <tbody>{compositeParts.map((k) => (
              <tr key={k} data-testid={`rule-${k}`}><th scope="row">{t(partLabel[k])}</th><td>{fmt.pct(rule.data!.weights[k])}</td></tr>
            ))}</tbody>
          </table>
          <p className="small">{t('publicEval.ruleText')}</p>
          <p className="small muted">{t('publicEval.ruleUpdated', { date: fmt.date(rule.data.updatedAt) })} · {t('publicEval.verifyNote')}</p>
        </>
      )}
    </section>
  );
}
