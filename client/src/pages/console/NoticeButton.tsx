// The presidium's notice (公告) of a published ballot: made once, numbered per session; asking again
// shows the same notice.
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';

export function NoticeButton({ token, sessionId, ballotId }: { token: string; sessionId: string; ballotId: string }) {
  const { t } = useTranslation();
  const issue = useMutation({ mutationFn: () => call('POST /api/sessions/:id/notices', { id: sessionId }, { token, body: { ballotId } }) });
  return (
    <>
      {issue.data ? (
        <Link className="btn btn--secondary" to={`/notices/${encodeURIComponent(issue.data.id)}`} data-testid="notice-link">{t('console.noticeNumber', { number: issue.data.number })}</Link>
      ) : (
        <button type="button" className="btn btn--secondary" disabled={issue.isPending} onClick={() => issue.mutate()} data-testid="notice-issue">{t('console.issueNotice')}</button>
      )}
      <ErrorBox error={issue.error} />
    </>
  );
}
