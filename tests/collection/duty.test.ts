// Stations' duty rosters (编组排班, API.md "Representatives and residents"): an admin of the body replaces the
// days a request names, with members of the body only and real calendar days; the public list of stations
// shows who is on duty today and the next 14 days (today in Asia/Shanghai by the server's clock); staff read
// any fortnight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let bodyAdmin = '';
let otherAdmin = '';
let station = '';
let second = '';
const TODAY = '2027-12-28';

const put = (id: string, slots: unknown, token = bodyAdmin) => server.call('PUT', `/api/stations/${id}/duty`, { token, json: { slots } });
const publicList = async () => ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/stations`));
const fieldsOf = (r: { body: any }) => [...new Set(r.body.error.fields.map((f: { field: string }) => f.field))];

async function adminOf(bodyId: string, username: string) {
  ok(await server.call('POST', '/api/users', { token: admin, json: { username, password: 'admin-password', role: 'admin', bodyId } }));
  return ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'admin-password' } })).token as string;
}

beforeAll(async () => {
  server = await startTestServer({ today: TODAY });
  admin = server.adminToken;
  hall = await createHall(server, { members: 4 });
  other = await createHall(server, { members: 1 });
  bodyAdmin = await adminOf(hall.bodyId, 'duty-admin');
  otherAdmin = await adminOf(other.bodyId, 'other-admin');
  station = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: admin, json: { name: '城关镇代表联络站', address: '人民路 1 号' } })).id;
  second = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: admin, json: { name: '青山镇代表联络站' } })).id;
}, 120_000);
afterAll(async () => server?.close());

describe('setting a roster', () => {
  it('answers the station with who is on duty from today to 14 days on, across the new year', async () => {
    const [a, b, c] = hall.members;
    const r = await put(station, [
      { date: '2027-12-27', memberIds: [a.id] },
      { date: TODAY, memberIds: [b.id, a.id, a.id] },
      { date: '2028-01-02', memberIds: [c.id] },
      { date: '2028-01-11', memberIds: [c.id] },
      { date: '2028-01-12', memberIds: [a.id] },
    ]);
    expect(r.status).toBe(200);
    const name = (m: { id: string; name: string }) => ({ id: m.id, name: m.name });
    expect(r.body).toEqual({
      id: station, bodyId: hall.bodyId, name: '城关镇代表联络站', address: '人民路 1 号',
      onDuty: [
        { date: TODAY, members: [a, b].map(name).sort((x, y) => x.name.localeCompare(y.name)) },
        { date: '2028-01-02', members: [name(c)] },
        { date: '2028-01-11', members: [name(c)] },
      ],
    });
  });

  it('shows on the public list of stations, each with its own days', async () => {
    ok(await put(second, [{ date: '2027-12-30', memberIds: [hall.members[3].id] }]));
    const list = await publicList();
    expect(list.map((s: any) => s.id)).toEqual([station, second]);
    expect(list[0].onDuty.map((d: any) => d.date)).toEqual([TODAY, '2028-01-02', '2028-01-11']);
    expect(list[1].onDuty).toEqual([{ date: '2027-12-30', members: [{ id: hall.members[3].id, name: hall.members[3].name }] }]);
  });

  it('replaces only the days it names; an empty day clears it', async () => {
    ok(await put(station, [{ date: '2028-01-02', memberIds: [] }, { date: '2028-01-03', memberIds: [hall.members[3].id] }]));
    const [s] = await publicList();
    expect(s.onDuty.map((d: any) => d.date)).toEqual([TODAY, '2028-01-03', '2028-01-11']);
    expect(ok(await put(station, [])).onDuty).toHaveLength(3);
  });

  it('moves with the server\'s today', async () => {
    server.setToday('2028-01-11');
    try {
      const [s] = await publicList();
      expect(s.onDuty.map((d: any) => d.date)).toEqual(['2028-01-11', '2028-01-12']);
    } finally {
      server.setToday(TODAY);
    }
  });

  it('lets staff read any span of days', async () => {
    const r = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/duty?from=2027-12-27&days=7`, { token: bodyAdmin }));
    expect(r).toMatchObject({ from: '2027-12-27', to: '2028-01-02' });
    expect(r.stations.map((s: any) => [s.name, s.days.map((d: any) => d.date)])).toEqual([
      ['城关镇代表联络站', ['2027-12-27', TODAY]], ['青山镇代表联络站', ['2027-12-30']],
    ]);
    const fortnight = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/duty`, { token: bodyAdmin }));
    expect(fortnight).toMatchObject({ from: TODAY, to: '2028-01-10' });
    for (const q of ['days=0', 'days=63', 'from=2027-02-30', 'from=yesterday', 'other=1']) {
      expect((await server.call('GET', `/api/bodies/${hall.bodyId}/duty?${q}`, { token: bodyAdmin })).status, q).toBe(422);
    }
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/duty`, { token: otherAdmin })).status).toBe(403);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/duty`, { token: hall.presiderToken })).status).toBe(403);
  });
});

describe('refusals', () => {
  it('refuses members of another body and ids of nobody, naming the slot', async () => {
    const r = await put(station, [{ date: '2028-01-05', memberIds: [hall.members[0].id] }, { date: '2028-01-06', memberIds: [hall.members[1].id, other.members[0].id] }]);
    expect(r.status).toBe(422);
    expect(fieldsOf(r)).toEqual(['slots.1.memberIds.1']);
    const nobody = await put(station, [{ date: '2028-01-05', memberIds: ['nosuchmember'] }]);
    expect(fieldsOf(nobody)).toEqual(['slots.0.memberIds.0']);
    // nothing of a refused request stays
    const [s] = await publicList();
    expect(s.onDuty.map((d: any) => d.date)).not.toContain('2028-01-05');
  });

  it('refuses days that are not calendar days, and a day named twice', async () => {
    for (const date of ['2027-02-29', '2027-04-31', '2027-13-01', '27-01-01', '0000-01-01', '1999-12-31', '2101-01-01', '2028-01-05T00:00:00Z']) {
      const r = await put(station, [{ date, memberIds: [] }]);
      expect(r.status, date).toBe(422);
      expect(fieldsOf(r), date).toEqual(['slots.0.date']);
    }
    expect((await put(station, [{ date: '2028-02-29', memberIds: [] }])).status).toBe(200);
    const twice = await put(station, [{ date: '2028-01-05', memberIds: [] }, { date: '2028-01-05', memberIds: [hall.members[0].id] }]);
    expect(twice.status).toBe(422);
    expect(fieldsOf(twice)).toEqual(['slots.1.date']);
    expect((await put(station, [{ date: '2028-01-05' }])).status).toBe(422);
    expect((await put(station, [{ date: '2028-01-05', memberIds: [], extra: 1 }])).status).toBe(422);
  });

  it('is for an admin of the body: others are refused, an unknown station is 404', async () => {
    const slots = [{ date: '2028-01-05', memberIds: [] }];
    expect((await put(station, slots, otherAdmin)).status).toBe(403);
    expect((await put(station, slots, hall.presiderToken)).status).toBe(403);
    expect((await put(station, slots, hall.members[0].token)).status).toBe(403);
    expect((await server.call('PUT', `/api/stations/${station}/duty`, { json: { slots } })).status).toBe(401);
    expect((await put('nosuchstation', slots)).status).toBe(404);
    // the deployment's administrator covers every body
    expect((await put(station, slots, admin)).status).toBe(200);
  });

  it('records the change in the trail with its days, never who', async () => {
    const trail = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/audit?stage=setup&subject=${station}`, { token: bodyAdmin }));
    const set = trail.items.filter((e: any) => e.action === 'station.duty_set');
    expect(set.length).toBeGreaterThanOrEqual(4);
    expect(set.at(-1)).toMatchObject({ subject: { kind: 'station', id: station, label: '城关镇代表联络站' }, detail: { days: ['2027-12-27', TODAY, '2028-01-02', '2028-01-11', '2028-01-12'], members: 3 } });
    expect(JSON.stringify(set)).not.toContain(hall.members[0].id);
  });
});
