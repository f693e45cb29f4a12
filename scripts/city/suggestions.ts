// Collection windows for every body-year, and the suggestions of the last year (QUALITY.md: 50,000 in one
// county-year for the city, 70,000 in one body-year and 300,000 city-wide for the province), in the shapes
// submitSuggestion and the inbox write: tracking code, grams, a history event per change; each selected
// project adopts one suggestion with its duplicates merged into it; a referred one has its 交办单 with the
// department's answer and the return call when it got that far.
// Made one body at a time (suggestionsOf), so the caller can write each body's before making the next.
import type { collectionWindows, referralAnswers, referralVisits, referrals, stations, suggestionEvents, suggestions } from '../../server/db/schema.js';
import type { SuggestionStatus } from '../../shared/collection-schemas.js';
import { indexGrams } from '../../shared/similarity.js';
import type { Rng } from './rng.js';
import type { CityOptions } from './options.js';
import type { CityBody } from './bodies.js';
import type { SelectedProject } from './projects.js';
import { allocate } from './projects.js';
import { addDays, at } from './dates.js';
import { asides, asks, places } from './names.js';

type Row = typeof suggestions.$inferInsert;

export function generateWindows(rng: Rng, o: CityOptions, list: CityBody[]) {
  const windows: (typeof collectionWindows.$inferInsert)[] = [];
  const windowOf = new Map<string, string>();
  for (const body of list) {
    for (let year = o.endYear - o.years + 1; year <= o.endYear; year++) {
      const id = rng.id();
      windows.push({ id, bodyId: body.id, year, opensAt: `${year - 1}-07-01T00:00:00+08:00`, closesAt: `${year - 1}-08-31T00:00:00+08:00`, createdAt: `${year - 1}-06-20T09:00:00+08:00` });
      windowOf.set(`${body.id}:${year}`, id);
    }
  }
  return { windows, windowOf };
}

/** Which bodies get how many suggestions in the last year: the first county `suggestions`, the rest of `suggestionsCityWide` over the others by weight. */
export function suggestionPlan(o: CityOptions, list: CityBody[]): { body: CityBody; count: number }[] {
  const county = list.find((b) => b.level === 'county') ?? list[0];
  const plan = [{ body: county, count: o.suggestions }];
  const rest = Math.max(0, o.suggestionsCityWide - o.suggestions);
  if (rest === 0) return plan;
  const others = list.filter((b) => b !== county);
  allocate(others, rest).forEach((count, i) => { if (count > 0) plan.push({ body: others[i], count }); });
  return plan;
}

const departmentsFor = (body: CityBody) =>
  body.level === 'township' ? [`${body.place}人民政府`] : ['住房和城乡建设局', '交通运输局', '生态环境局', '卫生健康局', '教育局', '民政局'].map((d) => `${body.level === 'city' ? '市' : body.place}${d}`);

export interface BodySuggestions {
  stations: (typeof stations.$inferInsert)[];
  suggestions: Row[];
  events: (typeof suggestionEvents.$inferInsert)[];
  referrals: (typeof referrals.$inferInsert)[];
  answers: (typeof referralAnswers.$inferInsert)[];
  visits: (typeof referralVisits.$inferInsert)[];
}

export function suggestionsOf(rng: Rng, o: CityOptions, body: CityBody, count: number, selected: SelectedProject[], windowId: string): BodySuggestions {
  const year = o.endYear;
  const out: BodySuggestions = { stations: [], suggestions: [], events: [], referrals: [], answers: [], visits: [] };
  out.stations = places.slice(0, body.level === 'township' ? 1 : 4).map((p, i) => ({
    id: rng.id(), bodyId: body.id, name: `${body.level === 'township' ? body.place : p}代表联络站`, address: `${body.level === 'township' ? body.place : p}人民路 ${i + 1} 号`,
  }));
  const reps = body.members.map((m) => m.id);
  const opens = Date.parse(`${year - 1}-07-01T00:00:00+08:00`);
  const decidedDay = `${year - 1}-09-10`;
  const decided = new Date(Date.parse(`${decidedDay}T10:00:00+08:00`)).toISOString();
  const departments = departmentsFor(body);
  // a township's residents name their villages; a county's or the city's, the places below it
  const where = body.level === 'township' ? places.map((p) => (p.endsWith('村') || p.endsWith('社区') ? `${body.place}${p}` : body.place)) : places;

  const make = (i: number, category: string, text: string, place: string): Row => {
    const title = text.replace('{p}', place) + rng.pick(asides);
    const createdAt = new Date(opens + Math.floor(rng.next() * 61 * 86_400_000)).toISOString();
    const k = rng.next();
    const sender = k < 0.6 ? { channel: 'web' as const, stationId: null, memberId: null, contact: i % 3 === 0 ? `139${String(10_000_000 + i * 7919).slice(-8)}` : null }
      : k < 0.85 ? { channel: 'station' as const, stationId: rng.pick(out.stations).id!, memberId: null, contact: null }
        : { channel: 'rep' as const, stationId: null, memberId: rng.pick(reps), contact: null };
    const description = `${title}。希望列入民生实事项目。`;
    const row: Row = {
      id: rng.id(), bodyId: body.id, year, windowId, trackingCode: rng.trackingCode(), title, description, category, area: place,
      ...sender, userId: null, status: 'received', supporters: 1, grams: indexGrams({ title, description, area: place }), createdAt, updatedAt: createdAt,
    };
    out.suggestions.push(row);
    out.events.push({ suggestionId: row.id, status: 'received', at: createdAt, note: null });
    return row;
  };
  const decide = (row: Row, status: SuggestionStatus, note: string, extra: Partial<Row> = {}) => {
    Object.assign(row, { status, updatedAt: decided, ...extra });
    out.events.push({ suggestionId: row.id, status, at: decided, note });
  };
  const refer = (row: Row) => {
    const id = rng.id();
    const department = rng.pick(departments);
    const k = rng.next();
    // 60% closed after the answer and the return call, 25% answered, 15% still open
    const state = k < 0.6 ? 'closed' : k < 0.85 ? 'answered' : 'open';
    const answered = addDays(decidedDay, rng.int(5, 25));
    out.referrals.push({ id, suggestionId: row.id, bodyId: body.id, department, due: addDays(decidedDay, 30), state, createdAt: decided, updatedAt: state === 'open' ? decided : at(answered, 15) });
    if (state === 'open') return;
    out.answers.push({ id: rng.id(), referralId: id, round: 1, text: `${department}已现场查看，纳入年度计划逐步解决。`, at: at(answered, 15), by: department });
    if (state === 'closed') {
      const day = addDays(answered, rng.int(3, 10));
      const satisfied = rng.next() < 0.85;
      out.visits.push({ id: rng.id(), referralId: id, round: 1, date: day, satisfied, note: satisfied ? '群众对办理结果表示满意。' : '群众希望加快办理进度。', at: at(day, 16) });
    }
  };

  // One root per project of that body-year, adopted; the others as they come, a share merged into a root.
  const adopted = selected.filter((p) => p.bodyId === body.id && p.year === year);
  const roots: Row[] = adopted.slice(0, count).map((p, i) => {
    const [category, text] = asks.find(([c]) => c === p.category) ?? asks[i % asks.length];
    const r = make(i, category, text, where[i % where.length]);
    decide(r, 'adopted', p.title, { projectId: p.id });
    return r;
  });
  for (let i = roots.length; i < count; i++) {
    const [category, text] = rng.pick(asks);
    const row = make(i, category, text, rng.pick(where));
    const r = rng.next();
    if (r < 0.2 && roots.length) {
      const root = rng.pick(roots);
      root.supporters = (root.supporters ?? 1) + 1;
      decide(row, 'merged', root.title, { mergedInto: root.id });
    } else if (r < 0.24) decide(row, 'not_adopted', '不在本级民生实事范围内', { reason: '不在本级民生实事范围内' });
    else if (r < 0.27) {
      decide(row, 'referred', '已转交相关部门办理', { reason: '已转交相关部门办理' });
      refer(row);
    }
  }
  return out;
}
