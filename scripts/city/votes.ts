// The votes that chose each body-year's projects (one selection ballot at the 人代会 in January, over the
// year's selected and not-selected candidates: exactly the selected ones pass), and the standing
// committees' yearly evaluation (评议) of their departments by secret scores. Each with its session, roster,
// a real box and roll (box.ts), so each verifies like the satisfaction ballots.
import type { ballots, departments, roster, sessions } from '../../server/db/schema.js';
import type { BallotDefinition } from '../../shared/ballot-definition.js';
import type { BallotOption, EvaluationSpec, SelectionResult } from '../../shared/types.js';
import type { Rng } from './rng.js';
import type { CityOptions } from './options.js';
import type { CityBody } from './bodies.js';
import type { generateProjects } from './projects.js';
import { castBallot, dealChoices, selectionCounts, type BoxRows } from './box.js';
import { at, toDate } from './dates.js';

type ProjectRow = ReturnType<typeof generateProjects>['rows']['projects'][number];

export interface VoteRows extends BoxRows {
  sessions: (typeof sessions.$inferInsert)[];
  roster: (typeof roster.$inferInsert)[];
  ballots: (typeof ballots.$inferInsert)[];
  departments: (typeof departments.$inferInsert)[];
}

export const emptyVoteRows = (): VoteRows => ({ sessions: [], roster: [], ballots: [], departments: [], box: [], roll: [] });

/** A session that has ended, with its roster (everyone present). */
export function endedSession(rows: VoteRows, s: { id: string; bodyId: string; kind: 'congress' | 'committee'; name: string; day: string }, memberIds: string[]) {
  rows.sessions.push({ id: s.id, bodyId: s.bodyId, kind: s.kind, state: 'ended', name: s.name, quorumNum: 1, quorumDen: 2, quorumStrict: true, createdAt: at(s.day, 8) });
  for (const memberId of memberIds) rows.roster.push({ sessionId: s.id, memberId, present: true });
}

export function generateVotes(rng: Rng, o: CityOptions, list: CityBody[], projectRows: ProjectRow[]): VoteRows {
  const rows = emptyVoteRows();
  const today = toDate(o.now.getTime() + 8 * 3_600_000);
  const byBodyYear = new Map<string, ProjectRow[]>();
  for (const p of projectRows) {
    if (p.status !== 'selected' && p.status !== 'not_selected') continue;
    const k = `${p.bodyId}:${p.year}`;
    if (!byBodyYear.has(k)) byBodyYear.set(k, []);
    byBodyYear.get(k)!.push(p);
  }
  for (const body of list) {
    const everyone = body.members.map((m) => m.id);
    const committee = body.level === 'township' ? everyone : body.members.filter((m) => m.kind === 'committee').map((m) => m.id);
    // a body's 承办单位: the departments its projects name
    const names = [...new Set(projectRows.filter((p) => p.bodyId === body.id).map((p) => p.department))].sort();
    for (const name of names) rows.departments.push({ id: rng.id(), bodyId: body.id, name, createdAt: at(`${o.endYear - o.years}-12-01`) });
    for (let year = o.endYear - o.years + 1; year <= o.endYear; year++) {
      const candidates = byBodyYear.get(`${body.id}:${year}`);
      if (candidates?.length && everyone.length >= 3) {
        const day = `${year}-01-03`;
        for (const p of candidates) if (p.status === 'selected') p.selectedOn = day;
        selection(rng, rows, body, year, day, candidates, everyone);
      }
      if (body.level !== 'township' && names.length >= 3 && committee.length >= 3) evaluation(rng, rows, body, year, names.slice(0, 8), committee, today);
    }
  }
  return rows;
}

function selection(rng: Rng, rows: VoteRows, body: CityBody, year: number, day: string, candidates: ProjectRow[], voters: string[]) {
  const sessionId = rng.id();
  const ballotId = rng.id();
  endedSession(rows, { id: sessionId, bodyId: body.id, kind: 'congress', name: `${body.place}第十七届人民代表大会第${year - 2022}次会议`, day }, voters);
  const base = voters.length;
  const cast = base - rng.int(0, Math.floor(base / 20));
  const half = Math.floor(base / 2);
  const seats = candidates.filter((p) => p.status === 'selected').length;
  // the selected pass (more than half of the base), the others do not: so exactly the selected are chosen
  const counts = candidates.map((p) => {
    const yes = p.status === 'selected' ? rng.int(Math.min(cast, half + 1), cast) : rng.int(0, Math.min(half, cast));
    const no = rng.int(0, cast - yes);
    return { id: p.id, counts: selectionCounts({ yes, no, abstain: cast - yes - no }) };
  });
  const options: BallotOption[] = candidates.map((p) => ({ id: p.id, title: p.title, department: p.department, investment: p.investment ?? null, category: p.category }));
  const def: BallotDefinition = { kind: 'selection', form: 'per_candidate', seats, options: options.map((x) => ({ id: x.id, title: x.title })) };
  const result = castBallot(rng, { ballotId, def, base, baseRule: 'roster', eligible: base, voters, choices: dealChoices(rng, counts, cast) }, rows) as SelectionResult;
  if (result.selected.length !== seats || result.tied.length) throw new Error(`selection ${ballotId}: ${result.selected.length} of ${seats} selected`);
  rows.ballots.push({
    id: ballotId, sessionId, kind: 'selection', form: 'per_candidate', seats, title: `${year} 年度民生实事项目票决`, secret: true, baseRule: 'roster',
    state: 'published', options, eligible: base, base, cast, result, createdAt: at(day, 8), openedAt: at(day, 9), closedAt: at(day, 10), publishedAt: at(day, 11),
  });
}

function evaluation(rng: Rng, rows: VoteRows, body: CityBody, year: number, names: string[], voters: string[], today: string) {
  const sessionId = rng.id();
  const ballotId = rng.id();
  const day = `${year}-11-25`;
  if (day >= today) return;
  endedSession(rows, { id: sessionId, bodyId: body.id, kind: 'committee', name: `${body.place}人大常委会${year} 年度部门工作评议会议`, day }, voters);
  const spec: EvaluationSpec = { subjects: names.map((name) => ({ kind: 'department', name })), form: 'score', scale: { min: 0, max: 100 }, flags: { red: 1, black: 1 } };
  const options: BallotOption[] = names.map((name) => ({ id: rng.id(), title: name, subject: { kind: 'department', name } }));
  const cast = voters.length - rng.int(0, Math.floor(voters.length / 10));
  // each department has its own level; each member scores around it
  const level = options.map(() => rng.int(70, 95));
  const choices = Array.from({ length: cast }, () => Object.fromEntries(options.map((x, k) => [x.id, Math.max(0, Math.min(100, level[k] + rng.int(-8, 8)))])));
  const def: BallotDefinition = { kind: 'evaluation', evaluation: { form: 'score', scale: spec.scale, flags: spec.flags }, options: options.map((x) => ({ id: x.id, title: x.title })) };
  const result = castBallot(rng, { ballotId, def, base: voters.length, baseRule: 'roster', eligible: voters.length, voters, choices }, rows);
  rows.ballots.push({
    id: ballotId, sessionId, kind: 'evaluation', title: `${year} 年度部门工作评议（无记名打分）`, secret: true, baseRule: 'roster', evaluation: spec,
    state: 'published', options, eligible: voters.length, base: voters.length, cast, result, createdAt: at(day, 8), openedAt: at(day, 9), closedAt: at(day, 10), publishedAt: at(day, 11),
  });
}
