// 评议 · 满意度: the staff's side of the combined satisfaction — the body's rule (three weights in percent) and
// household surveys (入户调查) of the year's selected projects. Evaluation ballots themselves are made in 会议.
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { PanelHead } from '../common';
import { RuleForm } from './RuleForm';
import { SurveysSection } from './SurveysSection';

export function EvaluationPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="eval-admin-heading" data-testid="eval-admin">
      <PanelHead id="eval-admin-heading" heading={t('evalAdmin.heading')} intro={t('evalAdmin.intro')} />
      <RuleForm token={token} body={body} />
      <SurveysSection token={token} body={body} />
    </section>
  );
}
