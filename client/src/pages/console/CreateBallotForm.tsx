import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotForm, BallotKind, BaseRule } from '../../../../shared/types';
import { api, type BallotDetail, type CreateBallotInput, type Project, type SessionDetail, type StaffUser } from '../../api';
import { useFormat } from '../../format';
import { ErrorBox, Loading, Notice } from '../../components/Feedback';

interface Props {
  token: string;
  user: StaffUser;
  session: SessionDetail;
  onCreated: (b: BallotDetail) => void;
  onCancel: () => void;
}

/** 差额 warning threshold: candidates below this multiple of the seats get a warning (not blocked). */
const MIN_RATIO = 1.2;

export function CreateBallotForm({ token, session, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<BallotKind>('selection');
  const [title, setTitle] = useState('');
  const [form, setForm] = useState<BallotForm>('per_candidate');
  const [seats, setSeats] = useState('');
  const [baseRule, setBaseRule] = useState<BaseRule>('roster');
  const [question, setQuestion] = useState('');
  const [secret, setSecret] = useState(true);
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [projError, setProjError] = useState<unknown>(null);
  const [year, setYear] = useState<string>('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const needsProjects = kind !== 'motion';
  useEffect(() => {
    if (!needsProjects || projects) return;
    api.projects(token, session.bodyId).then(
      (p) => {
        setProjects(p);
        const years = [...new Set(p.map((x) => x.year))].sort((a, b) => b - a);
        if (years.length) setYear(String(years[0]));
      },
      setProjError,
    );
  }, [needsProjects, projects, token, session.bodyId]);

  const years = useMemo(() => [...new Set((projects ?? []).map((p) => p.year))].sort((a, b) => b - a), [projects]);
  const shown = useMemo(() => (projects ?? []).filter((p) => !year || String(p.year) === year), [projects, year]);

  const seatsN = Number.parseInt(seats, 10);
  const seatsOk = kind !== 'selection' || (Number.isInteger(seatsN) && seatsN >= 1 && seatsN <= picked.length);
  const valid =
    title.trim().length > 0 &&
    (kind === 'motion' ? question.trim().length > 0 : picked.length > 0) &&
    seatsOk;
  const lowRatio = kind === 'selection' && Number.isInteger(seatsN) && seatsN > 0 && picked.length < MIN_RATIO * seatsN;

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const input: CreateBallotInput = { kind, title: title.trim(), baseRule };
    if (kind === 'selection') Object.assign(input, { projectIds: picked, seats: seatsN, form });
    if (kind === 'satisfaction') input.projectIds = picked;
    if (kind === 'motion') Object.assign(input, { question: question.trim(), secret });
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createBallot(token, session.id, input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack create-ballot" onSubmit={submit} aria-labelledby="create-heading" data-testid="ballot-create-form">
      <h2 id="create-heading">{t('create.heading')}</h2>
      <div className="grid-2">
        <label className="field">
          <span className="field__label">{t('create.kind')}</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as BallotKind)} data-testid="ballot-kind">
            {(['selection', 'satisfaction', 'motion'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`ballotKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('create.baseRule')}</span>
          <select className="input" value={baseRule} onChange={(e) => setBaseRule(e.target.value as BaseRule)} data-testid="ballot-base-rule">
            <option value="roster">{t('baseRule.roster')}</option>
            <option value="present">{t('baseRule.present')}</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('create.title')}</span>
        <input
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t(`create.titlePlaceholder.${kind}`)}
          maxLength={200}
          required
          data-testid="ballot-title"
        />
      </label>

      {kind === 'selection' ? (
        <div className="grid-2">
          <label className="field">
            <span className="field__label">{t('create.form')}</span>
            <select className="input" value={form} onChange={(e) => setForm(e.target.value as BallotForm)} data-testid="ballot-form">
              <option value="per_candidate">{t('ballotForm.per_candidate')}</option>
              <option value="choose_n">{t('ballotForm.choose_n')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('create.seats')}</span>
            <input
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={Math.max(1, picked.length)}
              value={seats}
              onChange={(e) => setSeats(e.target.value)}
              required
              data-testid="ballot-seats"
            />
          </label>
        </div>
      ) : null}

      {kind === 'motion' ? (
        <>
          <label className="field">
            <span className="field__label">{t('create.question')}</span>
            <textarea
              className="input"
              rows={3}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              maxLength={1000}
              required
              data-testid="ballot-question"
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} data-testid="ballot-secret" />
            <span>{t('create.secret')}</span>
          </label>
          {!secret ? <p className="muted small">{t('create.namedHint')}</p> : null}
        </>
      ) : (
        <fieldset className="fieldset">
          <legend>{t('create.projects', { n: fmt.num(picked.length) })}</legend>
          {projError ? <ErrorBox error={projError} /> : null}
          {!projects ? (
            projError ? null : <Loading />
          ) : projects.length === 0 ? (
            <p className="muted">{t('create.noProjects')}</p>
          ) : (
            <>
              <div className="btn-row">
                <label className="field field--inline">
                  <span className="field__label">{t('create.year')}</span>
                  <select className="input input--sm" value={year} onChange={(e) => setYear(e.target.value)} data-testid="ballot-project-year">
                    <option value="">{t('create.allYears')}</option>
                    {years.map((y) => (
                      <option key={y} value={String(y)}>
                        {y}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="btn btn--ghost btn--sm" onClick={() => setPicked([...new Set([...picked, ...shown.map((p) => p.id)])])} data-testid="ballot-projects-all">
                  {t('create.selectAll')}
                </button>
                <button type="button" className="btn btn--ghost btn--sm" onClick={() => setPicked([])} data-testid="ballot-projects-none">
                  {t('create.selectNone')}
                </button>
              </div>
              <ul className="project-picks">
                {shown.map((p) => (
                  <li key={p.id}>
                    <label className="check check--project">
                      <input type="checkbox" checked={picked.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`ballot-project-${p.id}`} />
                      <span>
                        <span className="project-picks__title">{p.title}</span>
                        <span className="muted small">
                          {[p.department, p.investment != null ? fmt.wan(p.investment) : null, t(`projectStatus.${p.status}`, { defaultValue: p.status })]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
      )}

      {lowRatio ? (
        <Notice kind="warn" testId="ratio-warning">
          {t('create.ratioWarning', { candidates: fmt.num(picked.length), seats: fmt.num(seatsN), ratio: fmt.num(MIN_RATIO) })}
        </Notice>
      ) : null}
      {kind === 'selection' && Number.isInteger(seatsN) && seatsN > picked.length && picked.length > 0 ? (
        <Notice kind="warn">{t('create.seatsTooMany')}</Notice>
      ) : null}
      <ErrorBox error={error} testId="ballot-create-error" />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary btn--lg" disabled={busy || !valid} data-testid="ballot-create-submit">
          {busy ? t('common.working') : t('create.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
