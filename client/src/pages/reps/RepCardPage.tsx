// /reps/:memberId — a representative's public card (代表亮身份): who they are, where they are on duty in the
// next two weeks, how many residents wrote to them and how many they answered, and their 代表码, a QR code
// that opens the suggestion form addressed to them. Printed, only the card shows (A6, like a table card).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/reps.css';
import { ApiError } from '../../api';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useBodies } from '../../queries/bodies';
import { useStations } from '../collection/collectionApi';
import { useRepCard, type RepCard } from './repsApi';
import { repSuggestUrl, useQrSvg } from './qr';
import { useDayLabel } from './days';

export default function RepCardPage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const card = useRepCard(memberId);
  const body = useBodies().data?.find((b) => b.id === card.data?.bodyId);
  useTitle(card.data ? `${card.data.name} · ${t('reps.cardTitle')}` : t('reps.cardPageTitle'));
  const missing = card.error instanceof ApiError && card.error.status === 404;
  return (
    <div className="page public reps">
      <TopBar title={t('reps.cardPageTitle')} />
      <main className="container container--narrow stack" id="main">
        {card.isPending ? <Loading /> : missing ? <p className="alert alert--warn" role="status" data-testid="rep-not-found">{t('reps.notFound')}</p> : <ErrorBox error={card.error} />}
        {card.data ? <CardView card={card.data} bodyName={body?.name ?? ''} /> : null}
      </main>
    </div>
  );
}

function CardView({ card, bodyName }: { card: RepCard; bodyName: string }) {
  const { t } = useTranslation();
  const day = useDayLabel();
  const stations = useStations(card.bodyId);
  const stationName = new Map((stations.data ?? []).map((s) => [s.id, s.name]));
  const url = repSuggestUrl(card.bodyId, card.id);
  const qr = useQrSvg(url);
  return (
    <>
      <p className="backlink no-print"><Link to={`/bodies/${encodeURIComponent(card.bodyId)}`}>{t('reps.bodyLink', { name: bodyName })}</Link></p>
      <article className="rep-card" data-testid="rep-card" aria-labelledby="rep-name">
        <header className="rep-card__band">
          <span className="rep-card__body">{bodyName}</span>
          <span className="rep-card__kind">{t('reps.cardTitle')}</span>
        </header>
        <div className="rep-card__main">
          <h1 className="rep-card__name" id="rep-name" data-testid="rep-name">{card.name}</h1>
          <p className="rep-card__line">
            {card.delegation ?? t('reps.noDelegation')}
            <span className="rep-card__role">{t(card.kind === 'committee' ? 'reps.committee' : 'reps.rep')}</span>
          </p>
          {card.station ? <p className="rep-card__line no-print" data-testid="rep-station">{t('reps.nextStation', { name: card.station.name })}</p> : null}
          {qr ? <img className="rep-card__qr" src={qr} alt={t('reps.qrAlt', { name: card.name })} data-testid="rep-qr" data-url={url} /> : <div className="rep-card__qr" />}
          <p className="rep-card__scan">{t('reps.scanText')}</p>
        </div>
        <footer className="rep-card__foot">{t('reps.cardFoot')}</footer>
      </article>
      <div className="btn-row no-print">
        <Link className="btn btn--primary btn--lg" to={`/suggest/${encodeURIComponent(card.bodyId)}?rep=${encodeURIComponent(card.id)}`} data-testid="rep-suggest">{t('reps.suggestTo', { name: card.name })}</Link>
        <button type="button" className="btn btn--secondary" onClick={() => window.print()} data-testid="rep-print">{t('reps.print')}</button>
      </div>
      <section className="card stack no-print" aria-labelledby="rep-duty-heading">
        <h2 id="rep-duty-heading">{t('reps.duty')}</h2>
        {card.duty.length ? (
          <ul className="rep-duty" data-testid="rep-duty">
            {card.duty.map((d) => <li key={`${d.date}-${d.stationId}`}>{t('reps.dutyAt', { day: day(d.date), station: stationName.get(d.stationId) ?? '' })}</li>)}
          </ul>
        ) : <p className="muted" data-testid="rep-no-duty">{t('reps.noDuty')}</p>}
        <p data-testid="rep-counts">{t('reps.counts', { received: card.received, replied: card.replied })}</p>
      </section>
    </>
  );
}
