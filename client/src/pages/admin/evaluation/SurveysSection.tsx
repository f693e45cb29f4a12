// 入户调查: pick one of the year's selected projects, enter a survey's counts (the shared surveyInput checks
// them, as the server does), and see the project's past surveys, the latest one marked as the one counted.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call, type Answer, type Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { FieldIdPrefix, TextField, showServerFieldErrors } from '../../../forms/Field';
import { useFormat } from '../../../format';
import { surveyInput } from '../../../../../shared/evaluation-schemas';
import { shanghaiDate } from '../../../../../shared/execution';
import { useYearOverview } from '../implementation/overviewApi';
import { FormButtons, currentYear } from '../common';

type SurveyIn = z.input<typeof surveyInput>;
type Survey = z.output<typeof surveyInput>;
type Past = Answer<'GET /api/projects/:id/surveys'>[number];
const counts = ['satisfied', 'basic', 'unsatisfied'] as const;

export function SurveysSection({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || currentYear();
  const overview = useYearOverview(token, body.id, year);
  const projects = (overview.data?.projects ?? []).filter((p) => p.bodyId === body.id);
  const [projectId, setProjectId] = useState('');
  const chosen = projects.find((p) => p.id === projectId);
  return (
    <section className="card stack" aria-labelledby="eval-survey-heading" data-testid="eval-surveys">
      <h3 id="eval-survey-heading">{t('evalAdmin.survey.heading')}</h3>
      <p className="muted">{t('evalAdmin.survey.intro')}</p>
      <ErrorBox error={overview.error} />
      {overview.isSuccess && !projects.length ? <p className="muted" data-testid="eval-survey-no-projects">{t('evalAdmin.survey.noProjects')}</p> : (
        <div className="field">
          <label className="field__label" htmlFor="eval-survey-project">{t('evalAdmin.survey.project')}</label>
          <select id="eval-survey-project" className="input" value={projectId} onChange={(e) => setProjectId(e.target.value)} data-testid="eval-survey-project">
            <option value="">{t('evalAdmin.survey.pickProject')}</option>
            {projects.map((p) => <option key={p.id} value={p.id}>{p.title}（{p.department}）</option>)}
          </select>
        </div>
      )}
      {chosen ? <ProjectSurveys key={chosen.id} token={token} projectId={chosen.id} title={chosen.title} /> : null}
    </section>
  );
}

function ProjectSurveys({ token, projectId, title }: { token: string; projectId: string; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const key = ['project', projectId, 'surveys'] as const;
  const list = useQuery({ queryKey: key, queryFn: () => call('GET /api/projects/:id/surveys', { id: projectId }, { token }) });
  const blank = { satisfied: null, basic: null, unsatisfied: null, households: null, method: t('evalAdmin.survey.methods.visit'), date: shanghaiDate(new Date()) } as unknown as SurveyIn;
  const form = useForm<SurveyIn, unknown, Survey>({ resolver: zodResolver(surveyInput), defaultValues: blank });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (v: Survey) => call('POST /api/projects/:id/surveys', { id: projectId }, { token, body: v }),
    onSuccess: () => { setSaved(true); form.reset(blank); void qc.invalidateQueries({ queryKey: key }); },
    onError: (err) => { showServerFieldErrors(err, form.setError); },
  });
  const rate = (s: Past) => (s.satisfied + s.basic + s.unsatisfied ? (s.satisfied + s.basic) / (s.satisfied + s.basic + s.unsatisfied) : null);
  return (
    <div className="stack" data-testid="eval-survey-project-view">
      <FormProvider {...form}>
        <FieldIdPrefix.Provider value="survey-">
          <form noValidate className="stack" aria-label={`${t('evalAdmin.survey.heading')} · ${title}`} onSubmit={form.handleSubmit((v) => { setSaved(false); save.mutate(v); })} data-testid="eval-survey-form">
            <div className="admin-form-grid">
              {counts.map((c) => <TextField key={c} name={c} type="number" inputMode="numeric" min={0} step={1} required label={t(`evalAdmin.survey.${c}`)} testId={`eval-survey-${c}`} />)}
              <TextField name="households" type="number" inputMode="numeric" min={1} step={1} required label={t('evalAdmin.survey.households')} hint={t('evalAdmin.survey.householdsHint')} testId="eval-survey-households" />
              <TextField name="method" required maxLength={100} list="eval-survey-methods" label={t('evalAdmin.survey.method')} testId="eval-survey-method" />
              <TextField name="date" type="date" required label={t('evalAdmin.survey.date')} testId="eval-survey-date" />
            </div>
            <datalist id="eval-survey-methods">
              {(['visit', 'phone', 'paper'] as const).map((m) => <option key={m} value={t(`evalAdmin.survey.methods.${m}`)} />)}
            </datalist>
            <ErrorBox error={save.error} placed={[...counts, 'households', 'method', 'date']} />
            <FormButtons label={t('evalAdmin.survey.save')} busy={save.isPending} testId="eval-survey-save" />
            <div role="status">{saved ? <p className="alert alert--ok" data-testid="eval-survey-saved">{t('evalAdmin.survey.saved')}</p> : null}</div>
          </form>
        </FieldIdPrefix.Provider>
      </FormProvider>
      <h4>{t('evalAdmin.survey.past')}</h4>
      <ErrorBox error={list.error} />
      {list.data && !list.data.length ? <p className="muted" data-testid="eval-survey-none">{t('evalAdmin.survey.none')}</p> : null}
      {list.data?.length ? (
        // a region that may scroll sideways takes the keyboard's focus, so it can be scrolled without a mouse
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${t('evalAdmin.survey.past')} · ${title}`}>
          <table className="table" data-testid="eval-survey-list">
            <caption className="visually-hidden">{t('evalAdmin.survey.past')} · {title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evalAdmin.survey.date')}</th>
                <th scope="col">{t('evalAdmin.survey.method')}</th>
                {counts.map((c) => <th key={c} scope="col" className="num-col">{t(`evalAdmin.survey.col.${c}`)}</th>)}
                <th scope="col" className="num-col">{t('evalAdmin.survey.col.households')}</th>
                <th scope="col" className="num-col">{t('evalAdmin.survey.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s, i) => (
                <tr key={s.id} data-testid="eval-survey-row">
                  <td>{fmt.date(s.date)}{i === 0 ? <> <span className="tag">{t('evalAdmin.survey.latest')}</span></> : null}</td>
                  <td>{s.method}</td>
                  {counts.map((c) => <td key={c} className="num-col">{fmt.num(s[c])}</td>)}
                  <td className="num-col">{fmt.num(s.households)}</td>
                  <td className="num-col">{fmt.pct(rate(s), 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
