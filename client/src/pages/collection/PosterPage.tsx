// /suggest/:bodyId/poster?station=<id> — an A4 poster for a liaison station: its QR code opens the form, and it
// says which representatives are on duty there today and in the next two weeks.
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import '../../styles/collection.css';
import { useBodies } from '../../queries/bodies';
import { Loading, useTitle } from '../../components/Feedback';
import { useCollectionSummary, useStations } from './collectionApi';
import { WindowDates } from './WindowDates';
import { PosterDuty } from '../reps/PosterDuty';

export default function PosterPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [search] = useSearchParams();
  const stationId = search.get('station') ?? '';
  const bodies = useBodies();
  const body = bodies.data?.find((b) => b.id === bodyId);
  const station = useStations(bodyId).data?.find((s) => s.id === stationId);
  const summary = useCollectionSummary(bodyId);
  const url = `${window.location.origin}/suggest/${encodeURIComponent(bodyId)}${stationId ? `?station=${encodeURIComponent(stationId)}` : ''}`;
  const [qr, setQr] = useState('');
  useEffect(() => {
    void QRCode.toDataURL(url, { width: 640, margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [url]);
  useTitle(station ? `${station.name} · ${t('collection.posterTitle')}` : t('collection.posterTitle'));
  if (!bodies.data || summary.isPending) return <Loading />;
  return (
    <main className="poster" id="main" data-testid="station-poster">
      <p className="poster__body">{body?.name}</p>
      <h1 className="poster__title">{t('collection.posterHeading')}</h1>
      {station ? <p className="poster__station" data-testid="poster-station">{station.name}{station.address ? `（${station.address}）` : ''}</p> : null}
      {summary.data?.window ? <p className="poster__dates"><WindowDates window={summary.data.window} /></p> : null}
      {qr ? <img className="poster__qr" src={qr} alt={t('collection.posterQrAlt')} data-testid="poster-qr" data-url={url} /> : null}
      <p className="poster__text">{t('collection.posterText')}</p>
      {station ? <PosterDuty days={station.onDuty} /> : null}
      <p className="poster__url mono" data-testid="poster-url">{url}</p>
      <button type="button" className="btn btn--primary no-print" onClick={() => window.print()}>{t('collection.print')}</button>
    </main>
  );
}
