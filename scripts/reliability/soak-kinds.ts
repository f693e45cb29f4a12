// The ballot kinds the accuracy soak (scripts/soak.ts) casts in turn, each with what a client sends, the box's
// normal form of it, and an independent recount compared with the published result. Written here rather
// than imported from shared/: the soak checks the server's counting, it must not reuse it.
//   per_candidate, choose_n: a selection of the candidates (yes/no/abstain; ticked)
//   score: an evaluation (无记名打分) of as many departments, 0–100, two red flags and one black
//   grade: an evaluation (评议) of as many departments, 满意/基本满意/不满意
export type Kind = 'per_candidate' | 'choose_n' | 'score' | 'grade';
export const kinds: readonly Kind[] = ['per_candidate', 'score', 'grade', 'choose_n'];
export type Normal = Record<string, string | number> | { selected: string[] };
/** Per option, the counts a kind's result publishes (score: count, mean, rank, flag). */
type Counts = Record<string, number | string | undefined>;

const SCALE = { min: 0, max: 100 };
export const FLAGS = { red: 2, black: 1 };
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The body of `POST /api/sessions/:id/ballots` for ballot `n` of this kind. */
export function ballotJson(kind: Kind, n: number, projectIds: string[], seats: number) {
  if (kind === 'per_candidate' || kind === 'choose_n') return { kind: 'selection', title: `第${n + 1}号表决`, projectIds, seats, form: kind };
  const subjects = projectIds.map((_, k) => ({ kind: 'department', name: `第${n + 1}号评议部门${k + 1}` }));
  return kind === 'score'
    ? { kind: 'evaluation', title: `第${n + 1}号无记名打分`, form: 'score', scale: SCALE, flags: subjects.length >= 3 ? FLAGS : undefined, subjects }
    : { kind: 'evaluation', title: `第${n + 1}号评议`, form: 'grade', subjects };
}

/** One client's choices: what it sends and the box's normal form of it. */
export function choose(kind: Kind, ids: string[], seats: number, rnd: () => number): { sent: unknown; normal: Normal } {
  if (kind === 'choose_n') {
    const k = 1 + Math.floor(rnd() * seats);
    const picked = [...ids].sort(() => rnd() - 0.5).slice(0, k);
    return { sent: { selected: picked }, normal: { selected: [...picked].sort(byCodeUnit) } };
  }
  const sent: Record<string, string | number> = {};
  const normal: Record<string, string | number> = {};
  // every subject is scored or graded (a left-out one is refused); sent in a stirred order
  for (const id of [...ids].sort(() => rnd() - 0.5)) {
    const x = rnd();
    if (kind === 'score') {
      // integer scores clustered per subject, so ranks and flags mean something, with the scale's ends included
      const centre = 60 + ((ids.indexOf(id) * 37) % 35);
      const v = Math.max(SCALE.min, Math.min(SCALE.max, Math.round(centre + (x - 0.5) * 60)));
      sent[id] = v;
      normal[id] = v;
    } else if (kind === 'grade') {
      const g = x < 0.6 ? 'satisfied' : x < 0.85 ? 'basic' : 'unsatisfied';
      sent[id] = g;
      normal[id] = g;
    } else {
      const m = x < 0.5 ? 'yes' : x < 0.75 ? 'no' : x < 0.88 ? 'abstain' : null; // null: left out = abstain
      if (m) sent[id] = m;
      normal[id] = m ?? 'abstain';
    }
  }
  return { sent, normal };
}

/** How many positions (options) two normal-form ballots disagree on. */
export function differing(kind: Kind, ids: string[], a: Normal, b: Normal): number {
  if (kind === 'choose_n') {
    const [x, y] = [(a as { selected: string[] }).selected, (b as { selected: string[] }).selected];
    return ids.filter((id) => x.includes(id) !== y.includes(id)).length;
  }
  return ids.filter((id) => (a as Record<string, unknown>)[id] !== (b as Record<string, unknown>)[id]).length;
}

/** The two-decimal mean, half away from zero, in integers (as API.md says a score result is rounded). */
function mean(sum: number, count: number): number {
  if (count === 0) return 0;
  const h = Math.floor((2 * Math.abs(sum) * 100 + count) / (2 * count));
  return (Math.sign(sum) || 1) * h / 100;
}

/** The counts a result should publish for every option, recounted from normal-form ballots. */
export function recount(kind: Kind, ids: string[], ballots: Iterable<Normal>): Map<string, Counts> {
  const list = [...ballots];
  if (kind === 'choose_n') return new Map(ids.map((id) => [id, { yes: list.filter((b) => (b as { selected: string[] }).selected.includes(id)).length }]));
  const values = (id: string) => list.map((b) => (b as Record<string, string | number>)[id]);
  if (kind === 'score') {
    const sums = ids.map((id) => ({ id, count: list.length, sum: values(id).reduce<number>((s, v) => s + Number(v), 0) }));
    // rank: one more than the options with a strictly higher mean (compared exactly, sum·count crosswise)
    return new Map(sums.map((o) => {
      const rank = 1 + sums.filter((p) => p.sum * o.count > o.sum * p.count).length;
      const flag = ids.length < 3 ? undefined : rank <= FLAGS.red ? 'red' : rank > ids.length - FLAGS.black ? 'black' : 'yellow';
      return [o.id, { count: o.count, mean: mean(o.sum, o.count), rank, flag }];
    }));
  }
  const marks = kind === 'grade' ? ['satisfied', 'basic', 'unsatisfied'] : ['yes', 'no', 'abstain'];
  return new Map(ids.map((id) => [id, Object.fromEntries(marks.map((m) => [m, values(id).filter((v) => v === m).length]))]));
}

/** How far a published option is from the recount: 0 when the same; else the count of positions that moved (≥ 1). */
export function distance(expected: Counts, published: Record<string, unknown>): number {
  let d = 0;
  for (const [k, v] of Object.entries(expected)) {
    const p = published[k];
    if (p === v) continue;
    d += typeof v === 'number' && typeof p === 'number' ? Math.max(1, Math.ceil(Math.abs(p - v))) : 1;
  }
  return d;
}
