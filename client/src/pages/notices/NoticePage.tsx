// /notices/:id — one 公告 as the presidium issues it: title, number, body, issuing body and date, printable
// on A4, with its signed copy to download and check.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/notice.css';
import { pathOf } from '../../api';
import { useBodies } from '../../queries/bodies';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useNotice } from './noticesApi';

export default function NoticePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  const bodies = useBodies();
  const n = notice.data;
  const body = bodies.data?.find((b) => b.id === n?.bodyId);
  // the stored title already ends with its number (（第1号）): said once
  useTitle(n ? n.title : t('notice.title'));
  return (
    <div className="page public">
      <div className="no-print"><TopBar home title={t('notice.title')} /></div>
      <main className="container container--narrow stack" id="main">
        {n ? <Link to={`/bodies/${encodeURIComponent(n.bodyId)}`} className="backlink no-print">{body?.name ?? t('public.allBodies')}</Link> : null}
        {notice.isPending ? <Loading /> : <ErrorBox error={notice.error} />}
        {n ? (
          <article className="notice-sheet" data-testid="notice">
            {/* As printed: the title, then its number on a line of its own; the text ends with the issuer and the date. */}
            <h1 className="notice-sheet__title" data-testid="notice-title">{n.title.replace(/[（(]第\d+号[）)]$/, '')}</h1>
            <p className="notice-sheet__number" data-testid="notice-number">（{t('notice.number', { number: n.number })}）</p>
            <div className="notice-sheet__text">{n.text.split('\n').filter(Boolean).map((line, i) => <p key={i}>{line}</p>)}</div>
            <p className="small muted no-print">{t('notice.published')}<time dateTime={n.publishedAt}>{fmt.date(n.publishedAt)}</time></p>
          </article>
        ) : null}
        {n ? (
          <div className="btn-row no-print">
            <button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="notice-print">{t('notice.print')}</button>
            <a className="btn btn--secondary" href={pathOf('GET /api/public/notices/:id', { id: `${n.id}.jws` })} download={`notice-${n.number}.jws`}>{t('notice.downloadJws')}</a>
            <Link className="btn btn--ghost" to={`/results/${encodeURIComponent(n.ballotId)}`}>{t('notice.result')}</Link>
          </div>
        ) : null}
        {n ? <p className="small muted no-print" data-testid="notice-verify">{t('story.noticeVerifyPlain')} <a href="/verify.html">{t('story.verifyDocs')}</a></p> : null}
      </main>
    </div>
  );
}
