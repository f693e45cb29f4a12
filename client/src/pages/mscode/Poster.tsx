// One 民生码 poster (A4): the project's title, department and completion date, and a QR code that opens its
// public page (where a finished project can be rated). The same sheet alone or in a year's document.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useQrSvg } from '../reps/qr';
import { projectUrl } from './origin';

export interface PosterProject { id: string; title: string; department: string; year: number; bodyName?: string | null; completionDate: string | null }

export function Poster({ project }: { project: PosterProject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const url = projectUrl(project.id);
  const qr = useQrSvg(url);
  return (
    <article className="mscode" data-testid={`mscode-${project.id}`} aria-labelledby={`mscode-title-${project.id}`}>
      {project.bodyName ? <p className="mscode__body">{project.bodyName}</p> : null}
      <p className="mscode__kicker">{t('mscode.year', { year: project.year })}</p>
      <h2 className="mscode__title" id={`mscode-title-${project.id}`}>{project.title}</h2>
      <dl className="mscode__facts">
        <div><dt>{t('mscode.department')}</dt><dd>{project.department}</dd></div>
        <div><dt>{t('mscode.completionDate')}</dt><dd>{project.completionDate ? fmt.date(project.completionDate) : '—'}</dd></div>
      </dl>
      {qr ? <img className="mscode__qr" src={qr} alt={t('mscode.qrAlt')} data-testid="mscode-qr" data-url={url} /> : <span className="mscode__qr" />}
      <p className="mscode__scan">{t('mscode.scan')}</p>
      <p className="mscode__url mono">{url}</p>
    </article>
  );
}
