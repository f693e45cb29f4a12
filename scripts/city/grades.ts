// One published satisfaction ballot per body-year (mid-year in the running year, year-end before), with
// its round and each project's grade, as publishing a real one would write them (implementation/grades.ts),
// with a real box and roll (box.ts): the stored result is the count of the box, so each one verifies.
import type { ballotRounds, projectGrades } from '../../server/db/schema.js';
import { gradeProject } from '../../shared/counting/satisfaction.js';
import type { Grade, SatisfactionResult } from '../../shared/types.js';
import { castBallot, dealChoices, satisfactionCounts } from './box.js';
import { endedSession, type VoteRows } from './votes.js';
import type { Rng } from './rng.js';
import type { CityOptions } from './options.js';
import type { CityBody } from './bodies.js';
import type { Intended, SelectedProject } from './projects.js';
import { addDays, at, toDate } from './dates.js';

/** Counts of 满意 / 基本满意 / 不满意 among `cast` ballots that give `grade` against `base` (the rule: shared/counting/satisfaction.ts). */
export function countsFor(rng: Rng, grade: Grade, base: number, cast: number) {
  const half = Math.floor(base / 2);
  let s: number, b: number;
  if (grade === '满意') {
    s = Math.min(cast, half + 1 + rng.int(0, Math.max(0, cast - half - 1)));
    b = rng.int(0, cast - s);
  } else if (grade === '基本满意') {
    s = rng.int(Math.max(0, half - 3), half);
    b = Math.min(cast - s, half + 1 - s + rng.int(0, Math.max(0, cast - half - 1)));
  } else {
    s = rng.int(0, Math.floor(base / 4));
    b = rng.int(0, half - s);
  }
  return { satisfied: s, basic: b, unsatisfied: cast - s - b };
}

const gradeOf = (rng: Rng, intended: Intended): Grade =>
  intended === 'rectifying' ? '不满意' : intended === 'behind' ? '基本满意' : rng.next() < (intended === 'done' ? 0.85 : 0.65) ? '满意' : '基本满意';

/** Sessions, ballots, boxes and rolls go into `votes`; the rounds and grades are returned. */
export function generateGrades(rng: Rng, o: CityOptions, list: CityBody[], selected: SelectedProject[], votes: VoteRows) {
  const rows = {
    rounds: [] as (typeof ballotRounds.$inferInsert)[], grades: [] as (typeof projectGrades.$inferInsert)[],
  };
  const yesterday = addDays(toDate(o.now.getTime() + 8 * 3_600_000), -1);
  const byBodyYear = new Map<string, SelectedProject[]>();
  for (const p of selected) {
    const k = `${p.bodyId}:${p.year}`;
    if (!byBodyYear.has(k)) byBodyYear.set(k, []);
    byBodyYear.get(k)!.push(p);
  }
  for (const body of list) {
    // a township's congress rates its projects itself; a county or the city, its standing committee
    const roll = (body.level === 'township' ? body.members : body.members.filter((m) => m.kind === 'committee')).map((m) => m.id);
    const voters = roll.length;
    for (let year = o.endYear - o.years + 1; year <= o.endYear; year++) {
      const mine = byBodyYear.get(`${body.id}:${year}`);
      if (!mine?.length || voters < 3) continue;
      const midyear = year === o.endYear;
      const day = midyear ? (`${year}-07-15` < yesterday ? `${year}-07-15` : yesterday) : `${year}-12-20`;
      const sessionId = rng.id();
      const ballotId = rng.id();
      const publishedAt = at(day, 11);
      endedSession(votes, {
        id: sessionId, bodyId: body.id, kind: body.level === 'township' ? 'congress' : 'committee', day,
        name: `${body.place}${year} 年${midyear ? '年中' : '年终'}民生实事项目满意度测评会议`,
      }, roll);
      const cast = voters - rng.int(0, Math.floor(voters / 10));
      const counts = mine.map((p) => {
        const grade = gradeOf(rng, p.intended);
        const c = countsFor(rng, grade, voters, cast);
        if (gradeProject(c, voters).grade !== grade) throw new Error(`generated counts ${JSON.stringify(c)} give ${gradeProject(c, voters).grade}, not ${grade}`);
        return { id: p.id, counts: satisfactionCounts(c) };
      });
      const def = { kind: 'satisfaction' as const, options: mine.map((p) => ({ id: p.id, title: p.title })) };
      const result = castBallot(rng, { ballotId, def, base: voters, baseRule: 'roster', eligible: voters, voters: roll, choices: dealChoices(rng, counts, cast) }, votes) as SatisfactionResult;
      for (const r of result.options) {
        rows.grades.push({ ballotId, projectId: r.id, round: midyear ? 'midyear' : 'yearend', grade: r.grade, satisfied: r.satisfied, basic: r.basic, unsatisfied: r.unsatisfied, base: voters, rate: r.rate, publishedAt });
      }
      votes.ballots.push({
        id: ballotId, sessionId, kind: 'satisfaction', title: `${year} 年度民生实事项目${midyear ? '年中' : ''}满意度测评`, secret: true, baseRule: 'roster',
        state: 'published', options: mine.map((p) => ({ id: p.id, title: p.title, department: p.department, investment: p.investment, category: p.category })),
        eligible: voters, base: voters, cast, result, createdAt: at(day, 8), openedAt: at(day, 9), closedAt: at(day, 10), publishedAt,
      });
      rows.rounds.push({ ballotId, round: midyear ? 'midyear' : 'yearend' });
    }
  }
  return rows;
}
