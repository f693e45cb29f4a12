import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/screen.css';
import type { BallotResult } from '../../../../shared/types';
import { ApiError, call, getScreenToken, getToken, setScreenToken } from '../../api';
import { useLiveSession } from '../../liveSession';
import { useFormat } from '../../format';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { useTitle } from '../../components/Feedback';
import { ResultView } from '../../components/ResultView';
import { TurnoutBar } from '../../components/TurnoutBar';
import { Stat } from '../../components/Stat';

/** Token from `#token=` (then kept in sessionStorage and removed from the address bar), else the staff token. */
function takeToken(sessionId: string): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(hash).get('token');
  if (fromHash) {
    setScreenToken(sessionId, fromHash);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return getScreenToken(sessionId) ?? getToken('staff');
}

/** Candidates on one screen at most; more are shown in pages of equal size. */
export const SCREEN_PAGE = 12;
const PAGE_MS = 10_000;

/** The page of the result on the screen now (turning every ten seconds), the summary always for the whole ballot. */
function usePages(result: BallotResult | undefined) {
  const count = result && result.kind !== 'motion' ? result.options.length : 0;
  const pages = Math.max(1, Math.ceil(count / SCREEN_PAGE));
  const per = Math.ceil(count / pages);
  const [page, setPage] = useState(0);
  useEffect(() => {
    setPage(0);
    if (pages < 2) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [result, pages]);
  const paged = useMemo(() => {
    if (!result || result.kind === 'motion' || pages < 2) return result;
    const at = Math.min(page, pages - 1) * per;
    // a scored evaluation pages by rank (page 1 the top ten), not by the order the subjects were listed in
    const options = result.kind === 'evaluation' && result.form === 'score'
      ? [...result.options].sort((a, b) => ('rank' in a && 'rank' in b ? a.rank - b.rank : 0))
      : result.options;
    return { ...result, options: options.slice(at, at + per) } as BallotResult;
  }, [result, page, pages, per]);
  return { page: Math.min(page, pages - 1), pages, paged };
}

/** /screen/:sessionId — the hall's big screen (1920×1080). Shows turnout while open, never the tally. */
export default function ScreenPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { sessionId = '' } = useParams();
  const [token] = useState(() => takeToken(sessionId));
  // no onAuthLost: a refused screen token is shown on the screen, nobody is signed out
  const { live, session, error } = useLiveSession(sessionId, token);
  const [fetched, setFetched] = useState<Record<string, BallotResult>>({});
  useTitle(session?.name ?? t('screen.title'));

  const ballots = useMemo(() => {
    if (live.ballots.length) return live.ballots.map((b) => ({ id: b.ballotId, title: b.title ?? '', state: b.state, eligible: b.eligible, cast: b.cast }));
    return (session?.ballots ?? []).map((b) => ({ id: b.id, title: b.title, state: b.state, eligible: b.eligible, cast: b.cast }));
  }, [live.ballots, session]);

  const open = ballots.find((b) => b.state === 'open');
  const lastDone = [...ballots].reverse().find((b) => b.state === 'closed' || b.state === 'published');
  const shown = open ?? lastDone ?? null;
  const result = shown && !open ? (live.results[shown.id]?.result ?? fetched[shown.id]) : undefined;

  // If the feed did not carry the result (e.g. joined before it existed), ask for it once.
  const needResult = shown && !open && !live.results[shown.id] && !fetched[shown.id] ? shown.id : null;
  useEffect(() => {
    if (!needResult || !token) return;
    let cancelled = false;
    call('GET /api/ballots/:id', { id: needResult }, { token })
      .then((b) => b.result ?? call('GET /api/ballots/:id/result', { id: needResult }, { token }))
      .then((r) => !cancelled && r && setFetched((f) => ({ ...f, [needResult]: r })))
      .catch(() => {
        /* the feed will deliver it */
      });
    return () => {
      cancelled = true;
    };
  }, [needResult, token]);

  // Up to twelve candidates on one screen; more page through by themselves (第 1/2 页), in pages of equal
  // size, so that the type stays large enough to read from the back of the hall. Nobody touches the screen.
  const { page, pages, paged } = usePages(result);
  // More than eight candidates go in two columns, so that a usual list (12 for 10 seats) keeps
  // large type. Then the rows are fitted to the screen's height: start large (a few candidates are
  // read from the back of the hall) and step down until nothing is cut off.
  const optionCount = paged && paged.kind !== 'motion' ? paged.options.length : 0;
  const twoColumns = optionCount > 8;
  const resultRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const section = resultRef.current;
    if (!section) return;
    const fit = () => {
      const rows = section.querySelector<HTMLElement>('.rows');
      if (!rows) return;
      // in two columns, larger type would squeeze the bars to nothing
      let scale = section.classList.contains('screen-result--cols2') ? 1 : 1.5;
      rows.style.setProperty('--fit', String(scale));
      // the list may shrink below its content (it clips): that is what must not happen
      while (scale > 0.4 && rows.scrollHeight > rows.clientHeight + 1) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        rows.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    // again once the web fonts are in (they change the text's size)
    let active = true;
    void document.fonts?.ready.then(() => active && fit());
    window.addEventListener('resize', fit);
    return () => {
      active = false;
      window.removeEventListener('resize', fit);
    };
  }, [paged, i18n.language]);

  const rosterSize = live.session?.rosterSize ?? session?.rosterSize ?? 0;
  const present = live.session?.present ?? session?.present ?? 0;
  const quorumMet = live.session?.quorumMet ?? session?.quorum.met ?? false;

  if (!token) {
    return (
      <div className="screen screen--message">
        <p role="alert">{t('screen.noToken')}</p>
      </div>
    );
  }
  const fatal = error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404);

  return (
    <div className="screen" data-testid="screen">
      <header className="screen__head">
        <h1 className="screen__session" data-testid="screen-session-name">{session?.name ?? ''}</h1>
        <dl className="screen__stats">
          <Stat label={t('session.rosterSize')} testId="screen-roster-size">{fmt.num(rosterSize)}</Stat>
          <Stat label={t('session.present')} testId="screen-present-count">{fmt.num(present)}</Stat>
          <Stat className={quorumMet ? 'is-ok' : 'is-warn'} label={t('session.quorum')} testId="screen-quorum" met={quorumMet}>
            {quorumMet ? t('session.quorumMet') : t('session.quorumNotMet')}
          </Stat>
        </dl>
      </header>

      <main className="screen__main">
        {fatal ? (
          <p className="screen__waiting" role="alert">{t('screen.tokenRefused')}</p>
        ) : open ? (
          <section className="screen-turnout" aria-labelledby="screen-ballot-title" data-testid="screen-turnout">
            <p className="screen__state screen__state--open">{t('screen.voting')}</p>
            <h2 id="screen-ballot-title" className="screen__ballot-title" data-testid="screen-ballot-title">{open.title}</h2>
            <div className="screen-turnout__nums">
              <div className="big-num big-num--cast">
                <span className="big-num__label">{t('turnout.cast')}</span>
                <span className="big-num__value" data-testid="screen-cast">{fmt.num(open.cast)}</span>
              </div>
              <div className="big-num">
                <span className="big-num__label">{t('turnout.eligible')}</span>
                <span className="big-num__value" data-testid="screen-eligible">{fmt.num(open.eligible ?? rosterSize)}</span>
              </div>
              <div className="big-num">
                <span className="big-num__label">{t('turnout.present')}</span>
                <span className="big-num__value" data-testid="screen-present">{fmt.num(present)}</span>
              </div>
            </div>
            <TurnoutBar
              block="screen-turnout"
              cast={open.cast}
              eligible={open.eligible ?? rosterSize}
              present={present}
              aside={<p className="screen-turnout__pct">{fmt.pct((open.eligible ?? rosterSize) > 0 ? open.cast / (open.eligible ?? rosterSize) : 0)}</p>}
            />
          </section>
        ) : shown && result ? (
          <section
            ref={resultRef}
            className={`screen-result${twoColumns ? ' screen-result--cols2' : ''}${optionCount > 14 ? ' screen-result--dense' : ''}`}
            style={twoColumns ? ({ '--per-col': String(Math.ceil(optionCount / 2)) } as CSSProperties) : undefined}
            aria-labelledby="screen-ballot-title"
            data-testid="screen-result"
            data-ballot-id={shown.id}
          >
            <p className={`screen__state screen__state--${shown.state}`}>{t(`screen.state.${shown.state}`)}</p>
            <div className="screen-result__head">
              <h2 id="screen-ballot-title" className="screen__ballot-title" data-testid="screen-ballot-title">{shown.title}</h2>
              {pages > 1 ? <p className="screen-result__page" data-testid="screen-page">{t('hall.screen.page', { page: page + 1, pages })}</p> : null}
            </div>
            <ResultView result={paged ?? result} variant="chart" />
          </section>
        ) : (
          <p className="screen__waiting" data-testid="screen-waiting">{t('screen.waiting')}</p>
        )}
      </main>
      <footer className="screen__foot">
        {/* only a dot while all is well; said in words when the numbers may be out of date */}
        <ConnectionBadge state={live.connection === 'idle' ? 'connecting' : live.connection} discreet={live.connection === 'connected'} />
      </footer>
    </div>
  );
}
