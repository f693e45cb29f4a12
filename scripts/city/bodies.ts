// The city's bodies (1 city, its counties, their townships) and each body's representatives.
import type { bodies, members } from '../../server/db/schema.js';
import { codeHash } from '../../server/auth/codes.js';
import { givenNames, surnames } from '../../server/demo/data.js';
import type { Rng } from './rng.js';
import { townshipsOf, type CityOptions } from './options.js';
import { bodyName, countyName, townshipName } from './names.js';

export type Level = 'city' | 'county' | 'township';
export interface CityBody { id: string; name: string; place: string; level: Level; parentId: string | null; members: { id: string; kind: string }[] }

export function generateBodies(rng: Rng, o: CityOptions, codeKey: Buffer) {
  const list: CityBody[] = [];
  const city: CityBody = { id: rng.id(), name: bodyName(o.place), place: o.place, level: 'city', parentId: null, members: [] };
  list.push(city);
  for (let i = 0; i < o.counties; i++) {
    const place = countyName(i, o.districts);
    const county: CityBody = { id: rng.id(), name: bodyName(place), place, level: 'county', parentId: city.id, members: [] };
    list.push(county);
    for (let j = 0; j < townshipsOf(o, i); j++) {
      const town = townshipName(i, j, i < o.districts);
      list.push({ id: rng.id(), name: `${place}${bodyName(town)}`, place: town, level: 'township', parentId: county.id, members: [] });
    }
  }
  const memberRows: (typeof members.$inferInsert)[] = [];
  let n = 0;
  for (const [b, body] of list.entries()) {
    const count = body.level === 'city' ? o.membersCity : body.level === 'county' ? o.membersCounty : o.membersTownship;
    for (let k = 0; k < count; k++) {
      // A county or city has a standing committee (about a tenth); a township's presidium is its whole congress.
      const kind = body.level !== 'township' && k % 10 === 0 ? 'committee' : 'rep';
      const id = rng.id();
      n++;
      memberRows.push({
        id, bodyId: body.id, kind,
        name: surnames[(n * 7) % surnames.length] + givenNames[(n * 13 + Math.floor(n / surnames.length)) % givenNames.length],
        delegation: body.level === 'township' ? null : `第${(k % 12) + 1}代表团`,
        // Codes are never printed for the generated city: nobody signs in as these members.
        codeHash: codeHash(codeKey, `CITY${o.seed}B${b}X${k}`),
      });
      body.members.push({ id, kind });
    }
  }
  const bodyRows: (typeof bodies.$inferInsert)[] = list.map((b) => ({ id: b.id, name: b.name, level: b.level, parentId: b.parentId }));
  return { list, bodyRows, memberRows };
}
