import { Suspense, lazy, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/tablet.css';
import { ApiError, call, getToken, setToken, type Me, type MemberInfo, type MemberSessionSummary } from '../../api';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { TabletSession } from './TabletSession';
import { LabelledInput } from '../../components/LabelledInput';
import { useDossier } from '../dossier/dossierApi';

// Supervision (我督办的项目) is read between sessions: its code stays out of the voting bundle.
const Supervision = lazy(() => import('../supervision/TabletSupervision'));
// 群众找我 likewise.
const RepInbox = lazy(() => import('../reps/TabletInbox'));
// The dossier (会议材料) likewise: read before the session.
const Dossier = lazy(() => import('../dossier/TabletDossier'));

type MemberMe = Extract<Me, { kind: 'member' }>;

/** /tablet, /tablet/:sessionId, /tablet/projects[/:projectId] and /tablet/inbox — the representative's tablet. */
export function TabletPage({ view }: { view?: 'projects' | 'inbox' | 'dossier' }) {
  const { t } = useTranslation();
  const { sessionId, projectId } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const [token, setTok] = useState<string | null>(() => getToken('member'));
  const [me, setMe] = useState<MemberMe | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useTitle(t('tablet.title'));

  const signIn = useCallback((tok: string) => {
    setToken('member', tok);
    setMe(null);
    setTok(tok);
  }, []);
  const signOut = useCallback(() => {
    setToken('member', null);
    setTok(null);
    setMe(null);
    navigate('/tablet', { replace: true });
  }, [navigate]);

  // The member card's QR code encodes /tablet?code=XXXX: sign in with it, then drop it from the URL.
  const urlCode = search.get('code');
  const [codeError, setCodeError] = useState<unknown>(null);
  const [codeBusy, setCodeBusy] = useState(false);
  const triedCode = useRef<string | null>(null);
  useEffect(() => {
    if (!urlCode || triedCode.current === urlCode) return;
    triedCode.current = urlCode;
    const next = new URLSearchParams(search);
    next.delete('code');
    setSearch(next, { replace: true });
    setCodeBusy(true);
    call('POST /api/auth/member-login', { body: { code: urlCode.trim() } })
      .then((r) => signIn(r.token))
      .catch((e) => setCodeError(e))
      .finally(() => setCodeBusy(false));
  }, [urlCode, search, setSearch, signIn]);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    setLoadError(null);
    call('GET /api/me', { token })
      .then((m) => {
        if (cancelled) return;
        if (m.kind !== 'member') {
          signOut();
          return;
        }
        setMe(m);
      })
      .catch((e) => {
        if (cancelled) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) signOut();
        else setLoadError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [token, signOut, reload]);

  if (codeBusy) return <TabletShell><Loading /></TabletShell>;
  if (!token) {
    return (
      <TabletShell>
        <SignIn onSignedIn={signIn} initialError={codeError} />
      </TabletShell>
    );
  }
  if (!me) {
    return (
      <TabletShell onSignOut={signOut}>
        {loadError ? (
          <div className="stack">
            <ErrorBox error={loadError} />
            <button type="button" className="btn btn--primary btn--lg" onClick={() => setReload((n) => n + 1)} data-testid="retry-button">
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <Loading />
        )}
      </TabletShell>
    );
  }
  return (
    <TabletShell member={me.member} onSignOut={signOut}>
      {view === 'projects' ? (
        <Suspense fallback={<Loading />}><Supervision token={token} projectId={projectId} bodyId={me.member.bodyId} /></Suspense>
      ) : view === 'inbox' ? (
        <Suspense fallback={<Loading />}><RepInbox token={token} /></Suspense>
      ) : view === 'dossier' && sessionId ? (
        <Suspense fallback={<Loading />}><Dossier token={token} sessionId={sessionId} /></Suspense>
      ) : sessionId ? (
        <TabletSession key={sessionId} token={token} member={me.member} sessionId={sessionId} onAuthLost={signOut} />
      ) : (
        <SessionList token={token} sessions={me.sessions} />
      )}
    </TabletShell>
  );
}

function TabletShell({
  member,
  onSignOut,
  children,
}: {
  member?: MemberInfo;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page tablet">
      <TopBar title={t('tablet.title')}>
        {member ? (
          <span className="tablet__who" data-testid="member-name">
            {member.name}
            {member.delegation ? <span className="muted"> · {member.delegation}</span> : null}
          </span>
        ) : null}
        {onSignOut ? (
          <button type="button" className="btn btn--ghost" onClick={onSignOut} data-testid="signout-button">
            {t('common.signOut')}
          </button>
        ) : null}
      </TopBar>
      <main className="container tablet__main" id="main">
        {children}
        {member ? (
          <p className="tablet__suggest">
            <Link to={`/suggest/${encodeURIComponent(member.bodyId)}`} data-testid="tablet-suggest">{t('collection.suggestTitle')}</Link>
          </p>
        ) : null}
      </main>
    </div>
  );
}

function SignIn({ onSignedIn, initialError }: { onSignedIn: (token: string) => void; initialError: unknown }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(initialError);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim();
    if (!c) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('POST /api/auth/member-login', { body: { code: c } });
      onSignedIn(r.token);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card signin" onSubmit={submit} noValidate>
      <h1>{t('tablet.signIn.heading')}</h1>
      <p className="muted">{t('tablet.signIn.help')}</p>
      <LabelledInput label={t('tablet.signIn.code')} className="input--lg" name="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false}
        value={code} onChange={(e) => setCode(e.target.value)} data-testid="signin-code" required />
      <ErrorBox error={error} testId="signin-error" />
      <button type="submit" className="btn btn--primary btn--xl" disabled={busy || !code.trim()} data-testid="signin-submit">
        {busy ? t('common.working') : t('tablet.signIn.submit')}
      </button>
    </form>
  );
}

function SessionList({ token, sessions }: { token: string; sessions: MemberSessionSummary[] }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="sessions-heading">
      <div className="row-between">
        <h1 id="sessions-heading">{t('tablet.sessions.heading')}</h1>
        <span className="btn-row">
          <Link className="btn btn--secondary" to="/tablet/inbox" data-testid="tablet-rep-inbox">{t('reps.inbox.link')}</Link>
          <Link className="btn btn--secondary" to="/tablet/projects" data-testid="tablet-my-projects">{t('supervision.myProjects')}</Link>
        </span>
      </div>
      {sessions.length === 0 ? (
        <p className="muted" data-testid="no-sessions">{t('tablet.sessions.none')}</p>
      ) : (
        <ul className="session-list" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link className="session-list__item" to={`/tablet/${encodeURIComponent(s.id)}`} data-testid={`session-${s.id}`}>
                <span className="session-list__name">{s.name}</span>
                <span className="session-list__meta">
                  <span className={`tag tag--${s.state === 'open' ? 'open' : 'muted'}`}>{t(`session.state.${s.state}`, { defaultValue: s.state })}</span>
                  {s.present ? <span className="tag tag--ok">{t('tablet.checkedIn')}</span> : null}
                  {s.state === 'open' ? <DossierTag token={token} sessionId={s.id} /> : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 会议材料已送达 on the session list: the member sees the material has arrived before opening the session. */
function DossierTag({ token, sessionId }: { token: string; sessionId: string }) {
  const { t } = useTranslation();
  const dossier = useDossier(token, sessionId);
  return dossier.data ? <span className="tag tag--ok" data-testid={`dossier-tag-${sessionId}`}>{t('dossier.arrived')}</span> : null;
}
