// "Create the selection ballot from the approved list" in one step: its projects, its seats, the form. A list
// already voted (a ballot from it that is not cancelled) is not offered again: the console says which ballot it
// went to (a second is 409 list_already_voted; a tie goes to the runoff button of that ballot).
import { useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, type Answer, type BallotDetail, type SessionDetail } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Notice } from '../../components/Feedback';

type CandidateList = Answer<'GET /api/bodies/:bodyId/candidate-lists'>[number];

export function FromListButton({ token, session, onCreated }: { token: string; session: SessionDetail; onCreated: (b: BallotDetail) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['body', session.bodyId, 'candidate-lists', 'approved'];
  const lists = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/bodies/:bodyId/candidate-lists', { bodyId: session.bodyId }, { token }),
    select: (all) => all.filter((l) => l.state === 'approved'),
  });
  const create = useMutation({
    mutationFn: (l: CandidateList) => call('POST /api/candidate-lists/:id/ballots', { id: l.id }, { token, body: { sessionId: session.id, title: t('console.fromListTitle', { year: l.year }) } }),
    onSuccess: (b) => {
      onCreated(b);
      void qc.invalidateQueries({ queryKey: key });
    },
    // refused (e.g. made meanwhile from another console): the list now says which ballot it went to
    onError: () => void qc.invalidateQueries({ queryKey: key }),
  });
  if (!lists.data?.length) return null;
  return (
    <div className="stack from-list">
      {lists.data.map((l) => (l.ballot ? (
        <Notice key={l.id} testId="from-list-voted">
          {t('hall.fromList.alreadyVoted', { year: l.year, title: l.ballot.title, state: t(`ballotState.${l.ballot.state}`) })}
        </Notice>
      ) : (
        <button key={l.id} type="button" className="btn btn--secondary btn--sm" disabled={create.isPending} onClick={() => create.mutate(l)} data-testid="ballot-from-list">
          {t('console.fromList', { year: l.year, count: l.projectIds.length, seats: l.seats })}
        </button>
      )))}
      <ErrorBox error={create.error} />
    </div>
  );
}
