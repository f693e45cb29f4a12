// One suggestion and its likely duplicates, best first, each one merge away.
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { Loading } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { useMerge, useSimilarTo, type InboxItem } from './inboxApi';

export function SimilarDrawer({ token, body, id, focus, onClose }: { token: string; body: Body; id: string; focus: InboxItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const similar = useSimilarTo(token, id);
  const merge = useMerge(token, body.id);
  return (
    <aside className="card stack similar-drawer" aria-labelledby="similar-heading" data-testid="similar-drawer">
      <div className="btn-row">
        <h3 id="similar-heading">{t('inbox.similarHeading')}</h3>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClose}>{t('inbox.close')}</button>
      </div>
      {focus ? <p><strong>{focus.title}</strong> <span className="small muted">{focus.description}</span></p> : null}
      {similar.isPending ? <Loading /> : <ErrorBox error={similar.error ?? merge.error} />}
      {similar.data?.length === 0 ? <p className="muted">{t('inbox.noSimilar')}</p> : null}
      <ul className="similar-drawer__list">
        {similar.data?.map((s) => (
          <li key={s.id} data-testid="similar-item">
            <span className="similar-drawer__score" title={t('inbox.score')}>{Math.round(s.score * 100)}%</span>
            <span>{s.title} <span className="tag tag--muted">{t(`suggestionStatus.${s.status}`)}</span></span>
            {s.status === 'received' && focus?.status !== 'merged' ? (
              <button type="button" className="btn btn--secondary btn--sm" disabled={merge.isPending} data-testid="merge-here"
                onClick={() => merge.mutate({ into: id, ids: [s.id] })}>{t('inbox.mergeHere')}</button>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
