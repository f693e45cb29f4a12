// 子项 rated one by one on the tablet: a byItem satisfaction ballot's item options grouped under their project
// (its title as a heading, 查看进展 for the project once), each item rated 满意/基本满意/不满意 on its own; a
// project without items stays one row as on any satisfaction ballot.
import { useTranslation } from 'react-i18next';
import type { BallotOption } from '../../../../shared/types';
import type { BallotDetail } from '../../api';
import type { Draft } from './voteStore';
import { CandidateRow, type SetMark } from './ChoiceWidgets';
import '../../styles/by-item.css';

export type OptionGroup = { projectId: string; title: string; items: { option: BallotOption; index: number }[] } | { option: BallotOption; index: number };

/** Options in ballot order, the items of one project together under it (they are consecutive on the ballot). */
export function groupOptions(options: BallotOption[]): OptionGroup[] {
  const out: OptionGroup[] = [];
  const byProject = new Map<string, Extract<OptionGroup, { projectId: string }>>();
  options.forEach((option, index) => {
    if (!option.item) return void out.push({ option, index });
    let g = byProject.get(option.item.projectId);
    if (!g) {
      g = { projectId: option.item.projectId, title: option.item.projectTitle, items: [] };
      byProject.set(g.projectId, g);
      out.push(g);
    }
    g.items.push({ option, index });
  });
  return out;
}

export function ItemGroups({ ballot, draft, setMark, token }: { ballot: BallotDetail; draft: Draft; setMark: SetMark; token: string }) {
  const { t } = useTranslation();
  return (
    <ol className="candidates">
      {groupOptions(ballot.options).map((g) => 'projectId' in g ? (
        <li key={g.projectId} className="item-group" data-testid={`item-group-${g.projectId}`}>
          <h3 className="item-group__title" id={`group-${g.projectId}`}>{g.title}</h3>
          <p className="small muted">{t('byItem.rateEach', { n: g.items.length })}</p>
          <ol className="candidates candidates--items" aria-labelledby={`group-${g.projectId}`}>
            {g.items.map(({ option, index }) => (
              <CandidateRow key={option.id} index={index} option={option} ballot={ballot} draft={draft} setMark={setMark} token={token} nested />
            ))}
          </ol>
        </li>
      ) : (
        <CandidateRow key={g.option.id} index={g.index} option={g.option} ballot={ballot} draft={draft} setMark={setMark} token={token} />
      ))}
    </ol>
  );
}
