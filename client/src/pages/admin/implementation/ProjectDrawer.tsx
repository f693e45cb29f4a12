// One project's implementation opened from the overview: what the department reported and the group found.
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { ProgressView } from '../../supervision/ProgressView';
import { useProjectDetail } from '../../supervision/supervisionApi';

export function ProjectDrawer({ token, projectId, today, onClose }: { token: string; projectId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useProjectDetail(token, projectId);
  return (
    <section className="card stack" aria-labelledby="impl-detail-heading" data-testid="impl-detail">
      <div className="row-between">
        <h3 id="impl-detail-heading">{detail.data?.title ?? ''}</h3>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClose}>{t('implAdmin.close')}</button>
      </div>
      {detail.isPending ? <Loading /> : detail.data ? <ProgressView detail={detail.data} today={today} /> : <ErrorBox error={detail.error} />}
    </section>
  );
}
