// /tablet/:sessionId/dossier — the member reads (and prints) the material sent before the vote (材料提前送达).
// Loaded only when opened, outside the voting bundle.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import '../../styles/dossier.css';
import { call } from '../../api';
import { useFormat } from '../../format';
import { Loading, Notice, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useDossier } from './dossierApi';
import { DossierProjects } from './DossierView';

export default function TabletDossier({ token, sessionId }: { token: string; sessionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useQuery({ queryKey: ['session', sessionId, 'name'], queryFn: () => call('GET /api/sessions/:id', { id: sessionId }, { token }) });
  const dossier = useDossier(token, sessionId);
  useTitle(t('dossier.title'));
  return (
    <section className="stack dossier" aria-labelledby="dossier-heading" data-testid="tablet-dossier">
      <p className="no-print"><Link to={`/tablet/${encodeURIComponent(sessionId)}`}>← {t('dossier.back')}</Link></p>
      <h1 id="dossier-heading">{t('dossier.heading', { session: session.data?.name ?? '' })}</h1>
      {dossier.isPending ? <Loading /> : dossier.error ? <ErrorBox error={dossier.error} /> : !dossier.data ? (
        <Notice testId="dossier-not-sent">{t('dossier.notSent')}</Notice>
      ) : (
        <>
          <p className="muted" data-testid="dossier-sent-at">{dossier.data.sentAt ? t('dossier.arrivedAt', { at: fmt.dateTime(dossier.data.sentAt) }) : null}</p>
          <p>{t('dossier.intro')}</p>
          <p className="small muted">{t('demand.note')}</p>
          <DossierProjects projects={dossier.data.projects} />
          <p className="no-print">
            <button type="button" className="btn btn--secondary" onClick={() => window.print()} data-testid="dossier-print">{t('dossier.print')}</button>
          </p>
        </>
      )}
    </section>
  );
}
