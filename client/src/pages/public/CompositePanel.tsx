// 综合满意度 on a project's page: each part (members' grade, residents' ratings, household survey) shown on
// its own with its weight, the combined figure beside them — never instead — and a link to the body's rule.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public-eval.css';
import { useFormat } from '../../format';
import type { PublicProject } from './publicApi';
import { compositeParts, partLabel, rulePath } from './publicEvalApi';

export function CompositePanel({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = p.composite;
  if (!c) return null;
  return (
    <section className="card stack composite-card" aria-labelledby="composite-heading" data-testid="composite">
      <h3 id="composite-heading">{t('publicEval.compositeHeading')}</h3>
      <table className="table table--compact">
        <thead><tr><th scope="col">{t('publicEval.part')}</th><th scope="col">{t('publicEval.rate')}</th><th scope="col">{t('publicEval.weight')}</th></tr></thead>
        <tbody>
          {compositeParts.map((k) => (
            <tr key={k} data-testid={`composite-${k}`}>
              <th scope="row">{t(partLabel[k])}</th>
              <td>{c.parts[k] != null ? fmt.pct(c.parts[k], 2) : <span className="muted">{t('publicEval.partMissing')}</span>}</td>
              <td>{fmt.pct(c.weights[k])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="composite-rate"><th scope="row">{t('publicEval.composite')}</th><td colSpan={2}><strong>{fmt.pct(c.rate, 2)}</strong></td></tr>
        </tfoot>
      </table>
      <p className="small muted">{t('publicEval.compositeNote')} <Link to={rulePath(p.bodyId, p.year)} data-testid="composite-rule">{t('publicEval.ruleLink')}</Link></p>
    </section>
  );
}
