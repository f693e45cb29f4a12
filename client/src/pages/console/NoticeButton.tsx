// The presidium's notice (公告) of a published ballot: made once, numbered per session, public for good, so the
// console asks first; asking again shows the same notice.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function NoticeButton({ token, sessionId, ballotId, ballotTitle }: { token: string; sessionId: string; ballotId: string; ballotTitle: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const issue = useMutation({ mutationFn: () => call('POST /api/sessions/:id/notices', { id: sessionId }, { token, body: { ballotId } }) });
  return (
    <>
      {issue.data ? (
        <Link className="btn btn--secondary" to={`/notices/${encodeURIComponent(issue.data.id)}`} data-testid="notice-link">{t('console.noticeNumber', { number: issue.data.number })}</Link>
      ) : (
        <button type="button" className="btn btn--secondary" disabled={issue.isPending} onClick={() => setAsking(true)} data-testid="notice-issue">{t('console.issueNotice')}</button>
      )}
      <ConfirmDialog open={asking} title={t('hall.confirm.notice.title', { title: ballotTitle })} confirmLabel={t('hall.confirm.notice.confirm')} tone="primary"
        busy={issue.isPending} onConfirm={() => issue.mutate(undefined, { onSettled: () => setAsking(false) })} onCancel={() => setAsking(false)} testId="confirm-notice">
        <p>{t('hall.confirm.notice.body')}</p>
      </ConfirmDialog>
      <ErrorBox error={issue.error} />
    </>
  );
}
