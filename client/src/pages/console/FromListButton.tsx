// "Create the selection ballot from the approved list" in one step: its projects, its seats, the form.
import { useQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, type Answer, type BallotDetail, type SessionDetail } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';

type CandidateList = Answer<'GET /api/bodies/:bodyId/candidate-lists'>[number];

export function FromListButton({ token, session, onCreated }: { token: string; session: SessionDetail; onCreated: (b: BallotDetail) => void }) {
  const { t } = useTranslation();
  const lists = useQuery({
    queryKey: ['body', session.bodyId, 'candidate-lists', 'approved'],
    queryFn: () => call('GET /api/bodies/:bodyId/candidate-lists', { bodyId: session.bodyId }, { token }),
    select: (all) => all.filter((l) => l.state === 'approved'),
  });
  const create = useMutation({
    mutationFn: (l: CandidateList) => call('POST /api/candidate-lists/:id/ballots', { id: l.id }, { token, body: { sessionId: session.id, title: t('console.fromListTitle', { year: l.year }) } }),
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
