// One suggestion and its likely duplicates, best first: the strong ones shown, the weak ones (below the shared
// threshold, mostly noise) folded. Opening it brings it into view and moves the focus to it (it opens below a
// long table, where a click seemed to do nothing). Merging says which one is kept and asks first.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { Loading, Notice } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { byStrength } from '../../../../../shared/similarity';
import { useMerge, useSimilarTo, type InboxItem } from './inboxApi';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

type Similar = { id: string; title: string; status: string; supporters: number; score: number };

export function SimilarDrawer({ token, body, id, focus, onClose }: { token: string; body: Body; id: string; focus: InboxItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const similar = useSimilarTo(token, id);
  const merge = useMerge(token, body.id);
  const [asking, setAsking] = useState<Similar | null>(null);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setDone('');
    heading.current?.closest('aside')?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [id]);
  const { strong, weak } = byStrength(similar.data ?? []);
  const keep = focus?.title ?? '';
  const item = (s: Similar) => (
    <li key={s.id} data-testid="similar-item">
      <span className="similar-drawer__score" title={t('inbox.score')}>{Math.round(s.score * 100)}%</span>
      <span>{s.title} <span className="tag tag--muted">{t(`suggestionStatus.${s.status}`)}</span></span>
      {s.status === 'received' && focus && focus.status !== 'merged' ? (
        <button type="button" className="btn btn--secondary btn--sm" disabled={merge.isPending} data-testid="merge-here"
          onClick={() => { setDone(''); setAsking(s); }}>{t('office.merge.button', { keep })}</button>
      ) : null}
    </li>
  );
  return (
    <aside className="card stack similar-drawer" aria-labelledby="similar-heading" data-testid="similar-drawer">
      <div className="btn-row">
        <h3 id="similar-heading" ref={heading} tabIndex={-1}>{t('inbox.similarHeading')}</h3>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClose}>{t('inbox.close')}</button>
      </div>
      {focus ? <p><strong>{focus.title}</strong> <span className="small muted">{focus.description}</span></p> : null}
      {done ? <Notice kind="ok" testId="merge-done">{done}</Notice> : null}
      {similar.isPending ? <Loading /> : <ErrorBox error={similar.error ?? merge.error} />}
      {similar.data?.length === 0 ? <p className="muted">{t('inbox.noSimilar')}</p> : null}
      {similar.data?.length && !strong.length ? <p className="muted" data-testid="similar-no-strong">{t('office.similar.noStrong')}</p> : null}
      {strong.length ? <ul className="similar-drawer__list" data-testid="similar-strong">{strong.map(item)}</ul> : null}
      {weak.length ? (
        <details className="similar-drawer__weak" data-testid="similar-weak">
          <summary>{t('office.similar.weak', { count: weak.length })}</summary>
          <ul className="similar-drawer__list">{weak.map(item)}</ul>
        </details>
      ) : null}
      <ConfirmDialog open={!!asking} title={t('office.merge.title', { merged: asking?.title ?? '', keep })} confirmLabel={t('office.merge.confirm')}
        tone="primary" busy={merge.isPending} testId="merge-dialog" onCancel={() => setAsking(null)}
        onConfirm={() => asking && merge.mutate({ into: id, ids: [asking.id] }, {
          onSuccess: (r) => { setDone(t('office.merge.done', { merged: asking.title, keep, supporters: r.supporters })); setAsking(null); },
          onError: () => setAsking(null),
        })}>
        {asking ? (
          <>
            <p>{t('office.merge.what', { merged: asking.title, keep, count: asking.supporters, total: asking.supporters + (focus?.supporters ?? 0) })}</p>
            <p>{t('office.merge.after', { merged: asking.title })}</p>
          </>
        ) : null}
      </ConfirmDialog>
    </aside>
  );
}
