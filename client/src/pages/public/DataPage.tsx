// /bodies/:bodyId/data — open data: the CSV (UTF-8 with BOM, opens in Excel) and the JSON of everything
// public for the body and below, by year, each with its signed SHA-256 digest so a copy can be checked.
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/portal.css';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { shanghaiDate } from '../../../../shared/execution';
import { useBodies } from '../../queries/bodies';
import { exportUrl, useExportDigest } from './publicApi';

/** A download's size as people read it (KB / MB, decimal, as file managers show). */
function fileSize(bytes: number, lang: string): string {
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1 });
  return bytes >= 1_000_000 ? `${fmt.format(bytes / 1_000_000)} MB` : `${fmt.format(Math.max(bytes, 1) / 1000)} KB`;
}

function ExportRow({ bodyId, year, format }: { bodyId: string; year: number | null; format: 'csv' | 'json' }) {
  const { t, i18n } = useTranslation();
  const q = year ? `?year=${year}` : '';
  const base = exportUrl(bodyId, format);
  const digest = useExportDigest(bodyId, format, year);
  return (
    <li className="card stack" data-testid={`export-${format}`}>
      <a className="btn btn--primary" href={`${base}${q}`} download data-testid={`download-${format}`}>{t('portal.download')} {format.toUpperCase()}</a>
      {digest.isPending ? <Loading /> : digest.data ? (
        <>
          <p className="small muted" data-testid={`size-${format}`}>{t('portal.fileSize', { size: fileSize(digest.data.bytes, i18n.language) })}</p>
          <p className="small"><span className="muted">{t('portal.digest')}：</span><code className="portal-digest" data-testid={`digest-${format}`}>{digest.data.sha256}</code></p>
          <p className="small"><a href={`${base}.sha256${q}`} data-testid={`signed-digest-${format}`}>{t('portal.signedDigest')}</a></p>
        </>
      ) : <ErrorBox error={digest.error} />}
    </li>
  );
}

export default function DataPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const year = params.get('year') === 'all' ? null : Number(params.get('year')) || thisYear;
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => thisYear + 1 - i), [thisYear]);
  const body = useBodies().data?.find((b) => b.id === bodyId);
  useTitle(`${t('portal.data')} · ${body?.name ?? ''}`);
  return (
    <div className="page public">
      <TopBar home />
      <main className="container container--narrow stack" id="main">
        <p className="backlink"><Link to={`/bodies/${encodeURIComponent(bodyId)}`}>{body?.name ?? t('public.allBodies')}</Link></p>
        <h1>{t('portal.data')}</h1>
        <p className="muted">{t('portal.dataIntro')}</p>
        <label className="field"><span className="field__label">{t('portal.years')}</span>
          <select className="input" value={year ?? 'all'} onChange={(e) => setParams({ year: e.target.value }, { replace: true })} data-testid="data-year">
            <option value="all">{t('portal.allYears')}</option>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select></label>
        <ul className="stack plain-list--none">
          <ExportRow bodyId={bodyId} year={year} format="csv" />
          <ExportRow bodyId={bodyId} year={year} format="json" />
        </ul>
        <p className="small muted">{t('portal.digestHelp')}</p>
      </main>
    </div>
  );
}
