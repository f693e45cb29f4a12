// 查看进展 on a satisfaction ballot: what a member reads about a project before rating it — its plan,
// the latest report and the group's latest findings.
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { shanghaiDate } from '../../../../shared/execution';
import { ProgressView } from './ProgressView';
import { useProjectDetail } from './supervisionApi';

export default function ProgressPanel({ token, projectId }: { token: string; projectId: string }) {
  const { t } = useTranslation();
  const detail = useProjectDetail(token, projectId);
  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorBox error={detail.error} />;
  return (
    <section aria-label={t('supervision.showProgress')} data-testid={`progress-panel-${projectId}`}>
      <ProgressView detail={detail.data} today={shanghaiDate(new Date())} latestOnly />
    </section>
  );
}
