import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/admin.css';
import '../../i18n/staff';
import type { Body } from '../../api';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useStaffUser } from '../staff/useStaffUser';
import { StaffTopBar } from '../staff/StaffTopBar';
import { useBodies } from '../../queries/bodies';
import type { MemberWithCode } from './adminApi';
import { NewCodes } from './CodeCards';
import { BodiesPanel, buildTree, administeredIds } from './BodiesPanel';
import { MembersPanel } from './MembersPanel';
import { ProjectsPanel } from './ProjectsPanel';
import { SessionsPanel } from './SessionsPanel';
import { UsersPanel } from './UsersPanel';
import { SuggestionsPanel } from './collection/SuggestionsPanel';
import { CollectionSetupPanel } from './collection/CollectionSetupPanel';
import { DutyPanel } from './collection/DutyPanel';
import { ReferralsPanel } from '../referrals/ReferralsPanel';
import { ScreeningPanel } from './screening/ScreeningPanel';
import { ReservePanel } from './reserve/ReservePanel';
import { OverviewPanel } from './implementation/OverviewPanel';
import { TasksPanel } from '../tasks/TasksPanel';
import { ModerationPanel } from './ratings/ModerationPanel';
import { EvaluationPanel } from './evaluation/EvaluationPanel';
import { TrailPanel } from './audit/TrailPanel';
import { NoticesPanel } from './notices/NoticesPanel';
import { StageTabs } from './StageTabs';
import { ADMIN_TABS, type AdminTab } from './adminTabs';
import { BodyPicker } from './BodyPicker';
import { BackupReminder } from './BackupReminder';


/** /admin, /admin/:bodyId, /admin/:bodyId/:tab — the staff office: bodies, users, roster, projects, sessions. */
export default function AdminPage() {
  const { t } = useTranslation();
  // One route, `/admin/*`, so moving between bodies and tabs keeps this page (and its data) mounted.
  const [bodyId, tab] = (useParams()['*'] ?? '').split('/').filter(Boolean);
  const { token, user, error: userError, authLost, signOut, signInPath } = useStaffUser();
  const bodiesQuery = useBodies(!!token);
  const bodies = bodiesQuery.data ?? null;
  const error = userError ?? bodiesQuery.error;
  // New sign-in codes live here, not in the members tab, so moving between tabs does not lose them.
  const [issued, setIssued] = useState<{ body: Body; members: MemberWithCode[] } | null>(null);
  useTitle(t('admin.title'));

  const addIssued = useCallback((b: Body, list: MemberWithCode[]) => {
    setIssued((prev) => {
      const ids = new Set(list.map((m) => m.id));
      const kept = prev && prev.body.id === b.id ? prev.members.filter((m) => !ids.has(m.id)) : [];
      return { body: b, members: [...kept, ...list] };
    });
  }, []);

  // Leaving the page would lose codes not yet printed: ask the browser to warn.
  useEffect(() => {
    if (!issued) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [issued]);

  const tree = useMemo(() => (bodies ? buildTree(bodies) : null), [bodies]);
  const mine = useMemo(() => (bodies && user ? administeredIds(bodies, user.bodyId ?? null) : new Set<string>()), [bodies, user]);

  if (!token || authLost) return <Navigate to={signInPath} replace />;

  const body = bodyId ? bodies?.find((b) => b.id === bodyId) : undefined;
  const isAdmin = user?.role === 'admin';
  const activeTab: AdminTab = (ADMIN_TABS as readonly string[]).includes(tab ?? '') ? (tab as AdminTab) : 'members';

  let content;
  if (error && (!user || !bodies)) content = <ErrorBox error={error} />;
  else if (!user || !bodies || !tree) content = <Loading />;
  else if (user.role !== 'admin') {
    content = (
      <div className="alert alert--warn" role="alert" data-testid="admin-not-admin">
        <p>{t('admin.notAdmin', { role: t(`role.${user.role}`) })}</p>
        <div className="btn-row">
          <Link className="btn btn--secondary" to="/console">
            {t('admin.toConsole')}
          </Link>
          <button type="button" className="btn btn--ghost" onClick={signOut}>
            {t('admin.switchUser')}
          </button>
        </div>
      </div>
    );
  } else if (bodyId && !body) {
    content = (
      <div className="alert alert--error" role="alert" data-testid="admin-body-missing">
        {t('admin.bodyMissing')} <Link to="/admin">{t('admin.backToOverview')}</Link>
      </div>
    );
  } else if (body && !mine.has(body.id)) {
    content = (
      <div className="alert alert--error" role="alert" data-testid="admin-body-forbidden">
        {t('admin.bodyForbidden', { name: body.name })} <Link to="/admin">{t('admin.backToOverview')}</Link>
      </div>
    );
  } else if (body) {
    content = (
      <BodyView token={token} body={body} bodies={bodies} tab={activeTab} mine={mine} onIssued={(list) => addIssued(body, list)} />
    );
  } else {
    content = <BodiesPanel token={token} bodies={bodies} mine={mine} user={user} />;
  }

  return (
    <div className="page admin">
      <StaffTopBar title={t('admin.title')} user={user} whoClass="admin__who" onSignOut={signOut} />
      <div className={isAdmin ? 'admin-layout' : 'admin-layout admin-layout--single'}>
        {isAdmin ? (
          <nav className="admin-side" aria-label={t('admin.nav.bodies')} data-testid="admin-nav">
            <h2 className="admin-side__heading">
              <Link to="/admin" data-testid="admin-overview-link">
                {t('admin.nav.bodies')}
              </Link>
            </h2>
            {tree ? <BodyPicker tree={tree} mine={mine} currentId={body?.id} /> : null}
            <p className="admin-side__more">
              <Link to="/admin" className="btn btn--ghost btn--sm">
                {t('admin.bodies.createShort')}
              </Link>
            </p>
          </nav>
        ) : null}
        <main className="admin-main" id="main">
          {user?.role === 'admin' && user.bodyId === null ? <BackupReminder token={token} /> : null}
          {issued && user?.role === 'admin' ? (
            issued.body.id === body?.id ? (
              <NewCodes body={issued.body} members={issued.members} onDismiss={() => setIssued(null)} />
            ) : (
              <div className="alert alert--warn admin-codes-pending" role="alert" data-testid="admin-codes-pending">
                {t('admin.codes.pending', { count: issued.members.length, name: issued.body.name })}{' '}
                <Link to={`/admin/${encodeURIComponent(issued.body.id)}/members`}>{t('admin.codes.pendingBack')}</Link>
              </div>
            )
          ) : null}
          {content}
        </main>
      </div>
    </div>
  );
}

function BodyView({
  token,
  body,
  bodies,
  tab,
  mine,
  onIssued,
}: {
  token: string;
  body: Body;
  bodies: Body[];
  tab: AdminTab;
  mine: Set<string>;
  onIssued: (list: MemberWithCode[]) => void;
}) {
  const { t } = useTranslation();
  const path: Body[] = [];
  for (let b: Body | undefined = body, n = 0; b && n < 10; n++) {
    path.unshift(b);
    b = b.parentId ? bodies.find((x) => x.id === b!.parentId) : undefined;
  }
  const tabLabel = t(`admin.tab.${tab}`);
  useTitle(`${body.name} · ${tabLabel}`);
  return (
    <div className="stack" data-testid="admin-body-view" data-body-id={body.id}>
      <nav aria-label={t('admin.breadcrumb')} className="admin-crumbs">
        <ol>
          <li>
            <Link to="/admin">{t('admin.nav.bodies')}</Link>
          </li>
          {path.map((b) => (
            <li key={b.id}>
              {b.id === body.id || !mine.has(b.id) ? (
                <span aria-current={b.id === body.id ? 'page' : undefined}>{b.name}</span>
              ) : (
                <Link to={`/admin/${encodeURIComponent(b.id)}/${tab}`}>{b.name}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="admin-head">
        <h1 data-testid="admin-body-name">
          {body.name}
          <span className="tag tag--muted">{t(`bodyLevel.${body.level}`)}</span>
        </h1>
      </div>
      <StageTabs bodyId={body.id} tab={tab} />
      <div className="admin-panel">
        {tab === 'members' ? (
          <MembersPanel key={body.id} token={token} body={body} onIssued={onIssued} />
        ) : tab === 'bodies' ? (
          <BodiesPanel key={body.id} token={token} bodies={bodies} mine={mine} parent={body} />
        ) : (
          <TabPanel key={body.id} tab={tab} token={token} body={body} />
        )}
      </div>
    </div>
  );
}

/** The tabs whose panel needs only the token and the body. */
const PANELS = {
  suggestions: SuggestionsPanel, referrals: ReferralsPanel, collection: CollectionSetupPanel, duty: DutyPanel, screening: ScreeningPanel, reserve: ReservePanel, implementation: OverviewPanel, tasks: TasksPanel, evaluation: EvaluationPanel,
  ratings: ModerationPanel, projects: ProjectsPanel, sessions: SessionsPanel, users: UsersPanel, notices: NoticesPanel, audit: TrailPanel,
} satisfies Record<Exclude<AdminTab, 'members' | 'bodies'>, ComponentType<{ token: string; body: Body }>>;

function TabPanel({ tab, token, body }: { tab: keyof typeof PANELS; token: string; body: Body }) {
  const Panel = PANELS[tab];
  return <Panel token={token} body={body} />;
}
