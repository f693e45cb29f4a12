// "Create the selection ballot from the approved list" in one step: its projects, its seats, the form.
import { useQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request, type BallotDetail, type SessionDetail } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';

interface ListSummary { id: string; year: number; seats: number; projectIds: string[]; state: string; meeting: string | null }

export function FromListButton({ token, session, onCreated }: { token: string; session: SessionDetail; onCreated: (b: BallotDetail) => void }) {
  const { t } = useTranslation();
  const lists = useQuery({
    queryKey: ['body', session.bodyId, 'candidate-lists', 'approved'],
    queryFn: () => request<ListSummary[]>(`/api/bodies/${encodeURIComponent(session.bodyId)}/candidate-lists`, { token }),
    select: (all) => all.filter((l) => l.state === 'approved'),
  });
  const create = useMutation({
    mutationFn: (l: ListSummary) => request<BallotDetail>(`/api/candidate-lists/${encodeURIComponent(l.id)}/ballots`, { token, body: { sessionId: session.id, title: t('console.fromListTitle', { year: l.year }) } }),
    onSuccess: onCreated,
  });
  if (!lists.data?.length) return null;
  return (
    <div className="stack from-list">
      {lists.data.map((l) => (
        <button key={l.id} type="button" className="btn btn--secondary btn--sm" disabled={create.isPending} onClick={() => create.mutate(l)} data-testid="ballot-from-list">
          {t('console.fromList', { year: l.year, count: l.projectIds.length, seats: l.seats })}
        </button>
      ))}
      <ErrorBox error={create.error} />
    </div>
  );
}
