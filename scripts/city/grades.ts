// One published satisfaction ballot per body-year (mid-year in the running year, year-end before), with
// its round and each project's grade, as publishing a real one would write them (implementation/grades.ts).
// These ballots have no ballot box and no roll: they were never cast, so they do not verify.
import type { ballotRounds, ballots, projectGrades, sessions } from '../../server/db/schema.js';
import { gradeProject } from '../../shared/counting/satisfaction.js';
import type { Grade, SatisfactionResult } from '../../shared/types.js';
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

export function generateGrades(rng: Rng, o: CityOptions, list: CityBody[], selected: SelectedProject[]) {
  const rows = {
    sessions: [] as (typeof sessions.$inferInsert)[], ballots: [] as (typeof ballots.$inferInsert)[],
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
    const voters = body.level === 'township' ? body.members.length : body.members.filter((m) => m.kind === 'committee').length;
    for (let year = o.endYear - o.years + 1; year <= o.endYear; year++) {
      const mine = byBodyYear.get(`${body.id}:${year}`);
      if (!mine?.length || voters < 3) continue;
      const midyear = year === o.endYear;
      const day = midyear ? (`${year}-07-15` < yesterday ? `${year}-07-15` : yesterday) : `${year}-12-20`;
      const sessionId = rng.id();
      const ballotId = rng.id();
      const publishedAt = at(day, 11);
      rows.sessions.push({
        id: sessionId, bodyId: body.id, kind: body.level === 'township' ? 'congress' : 'committee', state: 'ended',
        name: `${body.place}${year} 年${midyear ? '年中' : '年终'}民生实事项目满意度测评会议`, quorumNum: 1, quorumDen: 2, quorumStrict: true, createdAt: at(day, 8),
      });
      const cast = voters - rng.int(0, Math.floor(voters / 10));
      const options = mine.map((p) => {
        const grade = gradeOf(rng, p.intended);
        const counts = countsFor(rng, grade, voters, cast);
        const outcome = gradeProject(counts, voters);
        if (outcome.grade !== grade) throw new Error(`generated counts ${JSON.stringify(counts)} give ${outcome.grade}, not ${grade}`);
        rows.grades.push({ ballotId, projectId: p.id, round: midyear ? 'midyear' : 'yearend', grade, ...counts, base: voters, rate: outcome.rate, publishedAt });
        return { id: p.id, title: p.title, ...counts, grade, rate: outcome.rate };
      });
      const result: SatisfactionResult = { ballotId, kind: 'satisfaction', base: voters, baseRule: 'roster', eligible: voters, cast, options };
      rows.ballots.push({
        id: ballotId, sessionId, kind: 'satisfaction', title: `${year} 年度民生实事项目${midyear ? '年中' : ''}满意度测评`, secret: true, baseRule: 'roster',
        state: 'published', options: mine.map((p) => ({ id: p.id, title: p.title, department: p.department, investment: p.investment, category: p.category })),
        eligible: voters, base: voters, cast, result, createdAt: at(day, 8), openedAt: at(day, 9), closedAt: at(day, 10), publishedAt,
      });
      rows.rounds.push({ ballotId, round: midyear ? 'midyear' : 'yearend' });
    }
  }
  return rows;
}
