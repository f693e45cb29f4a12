// /bodies/:bodyId/evaluations?year= — a body's published evaluations of a year (评议 of departments, 述职评议
// of representatives): grades with 满意率, or mean scores with ranks and 红/黄/黑旗 named in words, each
// linked to its notice and its signed result; then the body's combined satisfaction rule (#rule).
import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/portal.css';
import '../../styles/public-eval.css';
import { urls } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { gradeChoice, shanghaiDate } from '../../../../shared/execution';
import type { Grade } from '../../../../shared/types';
import { useBodies } from '../../queries/bodies';
import { BodyNav } from './BodyNav';
import { RuleSection } from './RuleSection';
import { usePublicEvaluations, type EvaluatedSubject, type PublicEvaluation } from './publicEvalApi';

/** A subject as read here: graded (grade, rate, counts) or scored (mean, rank, flag). */
type Flat = { name: string; kind: string; grade?: Grade; rate?: number; satisfied?: number; basic?: number; unsatisfied?: number; mean?: number; rank?: number; flag?: 'red' | 'yellow' | 'black' };
const flagWord = { red: 'publicEval.flagRed', yellow: 'publicEval.flagYellow', black: 'publicEval.flagBlack' } as const;

export default function EvaluationsPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const years = useMemo(() => Array.from({ length: 5 }, (_, i) => thisYear - i), [thisYear]);
  const body = useBodies().data?.find((b) => b.id === bodyId);
  const list = usePublicEvaluations(bodyId, year);
  useTitle(t('publicEval.title', { name: body?.name ?? '', year }));
  // a link to #rule (from a project's page) lands on the rule once the page has drawn it
  useEffect(() => {
    if (hash === '#rule' && !list.isPending) document.getElementById('rule')?.scrollIntoView();
  }, [hash, list.isPending]);
  return (
    <div className="page public">
      <TopBar home />
      <main className="container container--narrow stack" id="main">
        <BodyNav bodyId={bodyId} year={year} years={years.includes(year) ? years : [year, ...years]} onYear={(y) => setParams({ year: String(y) }, { replace: true })} />
        <p className="backlink"><Link to={`/bodies/${encodeURIComponent(bodyId)}?year=${year}`} data-testid="eval-body">{body?.name ?? t('public.results')}</Link></p>
        <h1 data-testid="eval-heading">{t('publicEval.title', { name: body?.name ?? '', year })}</h1>
        <p className="muted">{t('publicEval.intro')}</p>
        <ErrorBox error={list.error} />
        {list.isPending ? <Loading /> : !list.data?.length ? <p className="muted" data-testid="eval-none">{t('publicEval.none', { year })}</p>
          : list.data.map((e) => <Evaluation key={e.ballotId} e={e} />)}
        <RuleSection bodyId={bodyId} />
      </main>
    </div>
  );
}

function Evaluation({ e }: { e: PublicEvaluation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const departments = e.subjects.filter((s) => s.kind === 'department');
  const members = e.subjects.filter((s) => s.kind === 'member');
  const scale = 'scale' in e && e.scale ? e.scale : { min: 0, max: 100 };
  return (
    <article className="card stack" aria-labelledby={`eval-${e.ballotId}`} data-testid={`evaluation-${e.ballotId}`}>
      <h2 id={`eval-${e.ballotId}`}>{e.title}</h2>
      <p className="small muted">
        <time dateTime={e.publishedAt}>{t('publicEval.published', { date: fmt.date(e.publishedAt) })}</time>
        {' · '}{e.form === 'score' ? t('publicEval.formScore', scale) : t('publicEval.formGrade')}
      </p>
      {departments.length ? <Subjects heading={t('publicEval.departments')} subjects={departments} form={e.form} testId="eval-departments" /> : null}
      {members.length ? <Subjects heading={t('publicEval.members')} subjects={members} form={e.form} testId="eval-members" /> : null}
      <p className="eval-links">
        {e.noticeId ? <Link to={`/notices/${encodeURIComponent(e.noticeId)}`} data-testid="eval-notice">{t('publicEval.notice')}</Link>
          : <span className="muted">{t('publicEval.noNotice')}</span>}
        <Link to={`/results/${encodeURIComponent(e.ballotId)}`} state={{ title: e.title }} data-testid="eval-result">{t('publicEval.result')}</Link>
        <a href={urls.jws(e.ballotId)} download={`ballot-${e.ballotId}-result.jws`} data-testid="eval-jws">{t('publicEval.signed')}</a>
      </p>
    </article>
  );
}

function Subjects({ heading, subjects: given, form, testId }: { heading: string; subjects: EvaluatedSubject[]; form: string; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const subjects = given as Flat[];
  // scores read best first; grades keep the order they were put to the vote
  const rows = form === 'score' ? [...subjects].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) : subjects;
  return (
    <section className="stack" data-testid={testId}>
      <h3>{heading}</h3>
      {/* a region one can scroll by keyboard too, should a long name still make the table wider than a phone */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={heading}>
        <table className="table table--compact eval-table">
          {form === 'score' ? (
            <>
              <thead><tr><th scope="col">{t('publicEval.rank')}</th><th scope="col">{t('publicEval.subject')}</th><th scope="col">{t('publicEval.mean')}</th><th scope="col">{t('publicEval.flag')}</th></tr></thead>
              <tbody>{rows.map((s) => (
                <tr key={s.name} data-testid="eval-row">
                  <td className="eval-num">{t('publicEval.rankN', { rank: s.rank })}</td>
                  <th scope="row">{s.name}</th>
                  <td className="eval-num">{s.mean != null ? s.mean.toFixed(2) : '—'}</td>
                  <td>{s.flag ? <span className={`tag eval-flag eval-flag--${s.flag}`} data-testid="eval-flag">{t(flagWord[s.flag])}</span> : '—'}</td>
                </tr>
              ))}</tbody>
            </>
          ) : (
            <>
              <thead><tr><th scope="col">{t('publicEval.subject')}</th><th scope="col">{t('publicEval.grade')}</th><th scope="col">{t('publicEval.rateShort')}</th><th scope="col">{t('publicEval.counts')}</th></tr></thead>
              <tbody>{rows.map((s) => (
                <tr key={s.name} data-testid="eval-row">
                  <th scope="row">{s.name}</th>
                  <td>{s.grade ? t(`choice.${gradeChoice[s.grade]}`) : '—'}</td>
                  <td className="eval-num">{fmt.pct(s.rate)}</td>
                  <td className="eval-num">{[s.satisfied, s.basic, s.unsatisfied].map((n) => fmt.num(n ?? 0)).join(' / ')}</td>
                </tr>
              ))}</tbody>
            </>
          )}
        </table>
      </div>
    </section>
  );
}
