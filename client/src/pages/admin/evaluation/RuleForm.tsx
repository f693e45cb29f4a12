// The body's 综合满意度 rule as three weights in percent (what staff think in), turned into the shared
// satisfactionRuleInput's fractions by the form's own schema and checked by it before the server sees them.
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError, call, type Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { TextField, FieldIdPrefix, showServerFieldErrors } from '../../../forms/Field';
import { fieldMessage, i18nMessage } from '../../../forms/messages';
import { useFormat } from '../../../format';
import { satisfactionRuleInput } from '../../../../../shared/evaluation-schemas';
import { FormButtons } from '../common';

const parts = ['members', 'public', 'survey'] as const;
const percent = z.number().min(0).max(100);
// The shared rule allows ± 0.001 around 1: ± 0.1 in percent here, so what passes here passes there.
const total = (p: Record<(typeof parts)[number], number>) => Math.round((p.members + p.public + p.survey) * 100) / 100;
const rulePercent = z.object({ members: percent, public: percent, survey: percent })
  .superRefine((p, ctx) => {
    if (Math.abs(total(p) - 100) > 0.1) ctx.addIssue({ code: 'custom', path: ['sum'], message: i18nMessage('evalAdmin.rule.sum', { total: total(p) }) });
  })
  .transform((p) => ({ weights: { members: p.members / 100, public: p.public / 100, survey: p.survey / 100 } }))
  .pipe(satisfactionRuleInput);
type RuleIn = z.input<typeof rulePercent>;
type RuleOut = z.output<typeof rulePercent>;

export const ruleKey = (bodyId: string) => ['body', bodyId, 'satisfaction-rule'] as const;

export function RuleForm({ token, body }: { token: string; body: Body }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  // 404: the body has no rule yet (not an error to show)
  const rule = useQuery({
    queryKey: ruleKey(body.id),
    queryFn: () => call('GET /api/public/bodies/:bodyId/satisfaction-rule', { bodyId: body.id }).catch((e: unknown) => { if (e instanceof ApiError && e.status === 404) return null; throw e; }),
  });
  const [saved, setSaved] = useState(false);
  const form = useForm<RuleIn, unknown, RuleOut>({ resolver: zodResolver(rulePercent), defaultValues: { members: 30, public: 10, survey: 60 } });
  useEffect(() => {
    const w = rule.data?.weights;
    if (w) form.reset({ members: Math.round(w.members * 1000) / 10, public: Math.round(w.public * 1000) / 10, survey: Math.round(w.survey * 1000) / 10 });
  }, [rule.data, form]);
  const save = useMutation({
    mutationFn: (v: RuleOut) => call('PUT /api/bodies/:bodyId/satisfaction-rule', { bodyId: body.id }, { token, body: v }),
    onSuccess: (r) => { qc.setQueryData(ruleKey(body.id), r); setSaved(true); },
    onError: (err) => { showServerFieldErrors(err, form.setError); },
  });
  const watched = form.watch();
  const sumNow = total({ members: Number(watched.members) || 0, public: Number(watched.public) || 0, survey: Number(watched.survey) || 0 });
  const sumError = (form.formState.errors as { sum?: { message?: string } }).sum?.message;
  const w = rule.data?.weights;
  return (
    <section className="card stack" aria-labelledby="eval-rule-heading" data-testid="eval-rule">
      <h3 id="eval-rule-heading">{t('evalAdmin.rule.heading')}</h3>
      <p className="muted">{t('evalAdmin.rule.intro')}</p>
      <p data-testid="eval-rule-current">
        {w ? t('evalAdmin.rule.current', { members: fmt.pct(w.members, 0), public: fmt.pct(w.public, 0), survey: fmt.pct(w.survey, 0), date: fmt.date(rule.data!.updatedAt) })
          : rule.isSuccess ? t('evalAdmin.rule.none') : null}
      </p>
      <ErrorBox error={rule.error} />
      <FormProvider {...form}>
        <FieldIdPrefix.Provider value="rule-">
          <form noValidate className="stack" aria-labelledby="eval-rule-heading" onSubmit={form.handleSubmit((v) => { setSaved(false); save.mutate(v); })}>
            <fieldset className="eval-rule__weights" aria-describedby={sumError ? 'eval-rule-sum-error' : 'eval-rule-total'} aria-invalid={sumError ? true : undefined}>
              <legend>{t('evalAdmin.rule.weights')}</legend>
              <div className="admin-form-grid">
                {parts.map((p) => (
                  <TextField key={p} name={p} type="number" inputMode="decimal" min={0} max={100} step="any" required label={t(`evalAdmin.rule.${p}`)} hint={t(`evalAdmin.rule.${p}Hint`)}
                    after={<span aria-hidden="true">%</span>} testId={`eval-rule-${p}`} />
                ))}
              </div>
              <p id="eval-rule-total" className="small" data-testid="eval-rule-total">{t('evalAdmin.rule.total', { total: sumNow })}</p>
              {sumError ? <div className="field field--invalid"><p id="eval-rule-sum-error" className="field__error" role="alert" data-testid="eval-rule-sum-error">{fieldMessage(t, i18n.language, sumError)}</p></div> : null}
            </fieldset>
            <ErrorBox error={save.error} placed={['weights', ...parts]} />
            <FormButtons label={t('evalAdmin.rule.save')} busy={save.isPending} testId="eval-rule-save" />
            <div role="status">{saved ? <p className="alert alert--ok" data-testid="eval-rule-saved">{t('evalAdmin.rule.saved')}</p> : null}</div>
          </form>
        </FieldIdPrefix.Provider>
      </FormProvider>
    </section>
  );
}
