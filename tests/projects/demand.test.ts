// The 民意指数 (API.md "Representatives and residents"): a selection ballot's candidates carry supporters,
// suggestions (adopted ones and every one merged into those, transitively) and byChannel, in the ballot's
// own option order; other ballots carry none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { demandOf } from '../../server/projects/demand.js';

let server: TestServer;
let hall: Hall;
let admin = '';
let stationId = '';
const day = 86_400_000;

const suggest = async (title: string, extra: Record<string, unknown> = {}, token?: string) =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token, json: { title, description: '说明', category: '教育', ...extra } })) as { id: string };
const merge = async (id: string, into: string) => ok(await server.call('POST', `/api/suggestions/${id}/merge`, { token: admin, json: { into } }));
const project = async (title: string, suggestionIds: string[]) =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title, description: '说明', category: '教育', department: '县教育局', suggestionIds } })) as { id: string; supporters: number };

let crowded: { id: string; supporters: number };
let quiet: { id: string; supporters: number };
let empty: { id: string; supporters: number };

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 3 });
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  stationId = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: admin, json: { name: '城东联络站' } })).id;
  // crowded: a web suggestion with a chain merged into it (station → rep → web), and a second adopted rep one
  const root = await suggest('学校门口护学岗');
  const viaRep = await suggest('校门口安全', { channel: 'rep' }, hall.members[0].token);
  const viaStation = await suggest('学校安全护学', { channel: 'station', stationId });
  await merge(viaStation.id, viaRep.id);
  await merge(viaRep.id, root.id);
  const second = await suggest('放学接送', { channel: 'rep' }, hall.members[1].token);
  crowded = await project('校园周边安全', [root.id, second.id]);
  quiet = await project('图书馆延时开放', [(await suggest('图书馆晚上开放')).id]);
  empty = await project('社区食堂', []);
}, 120_000);
afterAll(async () => server?.close());

describe('demandOf', () => {
  it('counts adopted suggestions and the trees merged into them, by channel; supporters as the public lists', async () => {
    const d = await demandOf(server.ctx.db, [crowded.id, quiet.id, empty.id]);
    expect(d.get(crowded.id)).toEqual({ supporters: crowded.supporters, suggestions: 4, byChannel: { web: 1, rep: 2, station: 1 } });
    expect(crowded.supporters).toBe(4);
    expect(d.get(quiet.id)).toEqual({ supporters: 1, suggestions: 1, byChannel: { web: 1 } });
    expect(d.get(empty.id)).toEqual({ supporters: 0, suggestions: 0, byChannel: {} });
    expect((await demandOf(server.ctx.db, [])).size).toBe(0);
  });
});

describe('GET /api/ballots/:id', () => {
  it('gives each candidate of a selection ballot its 民意指数, in the ballot\'s option order', async () => {
    // the quiet and empty ones first: the index never reorders the candidates
    const order = [empty.id, quiet.id, crowded.id];
    const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '2027 年度票决', projectIds: order, seats: 2 } }));
    for (const token of [hall.presiderToken, hall.members[2].token]) {
      const read = ok(await server.call('GET', `/api/ballots/${b.id}`, { token }));
      expect(read.options.map((o: { id: string }) => o.id)).toEqual(order);
      expect(read.options[0]).toMatchObject({ supporters: 0, suggestions: 0, byChannel: {} });
      expect(read.options[1]).toMatchObject({ supporters: 1, suggestions: 1, byChannel: { web: 1 } });
      expect(read.options[2]).toMatchObject({ supporters: 4, suggestions: 4, byChannel: { web: 1, rep: 2, station: 1 } });
    }
  });

  it('a motion has no such figures', async () => {
    const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'motion', title: '办法', question: '是否通过' } }));
    const read = ok(await server.call('GET', `/api/ballots/${b.id}`, { token: hall.presiderToken }));
    expect(read.options.every((o: Record<string, unknown>) => !('suggestions' in o) && !('byChannel' in o))).toBe(true);
  });
});
