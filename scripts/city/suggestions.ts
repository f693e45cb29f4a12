// Collection windows for every body-year, and the suggestions of one county-year (QUALITY.md: 50,000
// in one year), in the shapes submitSuggestion and the inbox write: tracking code, grams, a history
// event per change; each selected project adopts one suggestion with its duplicates merged into it.
import type { collectionWindows, stations, suggestionEvents, suggestions } from '../../server/db/schema.js';
import type { SuggestionStatus } from '../../shared/collection-schemas.js';
import { indexGrams } from '../../shared/similarity.js';
import type { Rng } from './rng.js';
import type { CityOptions } from './options.js';
import type { CityBody } from './bodies.js';
import type { SelectedProject } from './projects.js';
import { asides, asks, places } from './names.js';

type Row = typeof suggestions.$inferInsert;

export function generateSuggestions(rng: Rng, o: CityOptions, list: CityBody[], selected: SelectedProject[]) {
  const windows: (typeof collectionWindows.$inferInsert)[] = [];
  const windowOf = new Map<string, string>();
  for (const body of list) {
    for (let year = o.endYear - o.years + 1; year <= o.endYear; year++) {
      const id = rng.id();
      windows.push({ id, bodyId: body.id, year, opensAt: `${year - 1}-07-01T00:00:00+08:00`, closesAt: `${year - 1}-08-31T00:00:00+08:00`, createdAt: `${year - 1}-06-20T09:00:00+08:00` });
      windowOf.set(`${body.id}:${year}`, id);
    }
  }
  const county = list.find((b) => b.level === 'county') ?? list[0];
  const year = o.endYear;
  const windowId = windowOf.get(`${county.id}:${year}`)!;
  const stationRows: (typeof stations.$inferInsert)[] = places.slice(0, 4).map((p, i) => ({ id: rng.id(), bodyId: county.id, name: `${p}代表联络站`, address: `${p}人民路 ${i + 1} 号` }));
  const reps = county.members.map((m) => m.id);
  const opens = Date.parse(`${year - 1}-07-01T00:00:00+08:00`);
  const decided = new Date(Date.parse(`${year - 1}-09-10T10:00:00+08:00`)).toISOString();
  const rows: Row[] = [];
  const events: (typeof suggestionEvents.$inferInsert)[] = [];

  const make = (i: number, category: string, text: string, place: string): Row => {
    const title = text.replace('{p}', place) + rng.pick(asides);
    const createdAt = new Date(opens + Math.floor(rng.next() * 61 * 86_400_000)).toISOString();
    const k = rng.next();
    const sender = k < 0.6 ? { channel: 'web' as const, stationId: null, memberId: null, contact: i % 3 === 0 ? `139${String(10_000_000 + i * 7919).slice(-8)}` : null }
      : k < 0.85 ? { channel: 'station' as const, stationId: rng.pick(stationRows).id!, memberId: null, contact: null }
        : { channel: 'rep' as const, stationId: null, memberId: rng.pick(reps), contact: null };
    const description = `${title}。希望列入民生实事项目。`;
    const row: Row = {
      id: rng.id(), bodyId: county.id, year, windowId, trackingCode: rng.trackingCode(), title, description, category, area: place,
      ...sender, userId: null, status: 'received', supporters: 1, grams: indexGrams({ title, description, area: place }), createdAt, updatedAt: createdAt,
    };
    rows.push(row);
    events.push({ suggestionId: row.id, status: 'received', at: createdAt, note: null });
    return row;
  };
  const decide = (row: Row, status: SuggestionStatus, note: string, extra: Partial<Row> = {}) => {
    Object.assign(row, { status, updatedAt: decided, ...extra });
    events.push({ suggestionId: row.id, status, at: decided, note });
  };

  // One root per project of that county-year, adopted; the others as they come, a share merged into a root.
  const adopted = selected.filter((p) => p.bodyId === county.id && p.year === year);
  const roots: Row[] = adopted.slice(0, o.suggestions).map((p, i) => {
    const [category, text] = asks.find(([c]) => c === p.category) ?? asks[i % asks.length];
    const r = make(i, category, text, places[i % places.length]);
    decide(r, 'adopted', p.title, { projectId: p.id });
    return r;
  });
  for (let i = roots.length; i < o.suggestions; i++) {
    const [category, text] = rng.pick(asks);
    const row = make(i, category, text, rng.pick(places));
    const r = rng.next();
    if (r < 0.2 && roots.length) {
      const root = rng.pick(roots);
      root.supporters = (root.supporters ?? 1) + 1;
      decide(row, 'merged', root.title, { mergedInto: root.id });
    } else if (r < 0.24) decide(row, 'not_adopted', '不在本级民生实事范围内', { reason: '不在本级民生实事范围内' });
    else if (r < 0.27) decide(row, 'referred', '已转交相关部门办理', { reason: '已转交相关部门办理' });
  }
  return { windows, stations: stationRows, suggestions: rows, events, countyId: county.id, year };
}
