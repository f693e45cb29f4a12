// PROCESS.md "Ballot secrecy and verifiability": once a secret ballot is closed, someone who reads every
// table, every system column and the physical order of the rows cannot tell who cast which ballot.
// The same checker is then run against a close that skips the rewrite, to show it finds the link.
// Nothing vacuums: while open the votes are in the ballot's slot (ballot_roll_live_<n>, ballot_box_live_<n>),
// and the close moves them and truncates the slot, so the result cannot depend on a vacuum having run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { onPostgres } from '../helpers/database.js';
import { secrecyOptions } from '../../server/ballots/lifecycle.js';
import { cast, close, createBallot, open, query, rng, shuffle, type Vote } from './support.js';

type Row = Record<string, unknown> & { __xmin: string; __ctid: string };
type Dump = Record<string, Row[]>;

let server: TestServer;
let hall: Hall;
beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 50, projects: 3, checkIn: 'all' });
}, 120_000);
afterAll(async () => {
  secrecyOptions.rewriteOnClose = true;
  await server?.close();
});

/**
 * Every row of every table outside the system schemas, with xmin and ctid, in physical order. Tables with
 * storage only: a partitioned parent's rows are those of its partitions, dumped as they are stored.
 */
async function dumpDatabase(): Promise<Dump> {
  const tables = await query<{ schema: string; name: string }>(server, `
    select table_schema as schema, table_name as name from information_schema.tables t
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'
      and (select relkind from pg_class where oid = (quote_ident(t.table_schema) || '.' || quote_ident(t.table_name))::regclass) = 'r'
    order by 1, 2`);
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['ballot_box', 'ballot_roll', 'ballots', 'audit_log', 'roster', 'members']));
  const dump: Dump = {};
  for (const t of tables) {
    const key = t.schema === 'public' ? t.name : `${t.schema}.${t.name}`;
    dump[key] = await query<Row>(server, `select xmin::text as "__xmin", ctid::text as "__ctid", * from "${t.schema}"."${t.name}" order by ctid`);
  }
  return dump;
}

const ctidKey = (ctid: string) => ctid.slice(1, -1).split(',').map(Number) as [number, number];
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isSorted = (xs: string[]) => xs.every((x, i) => i === 0 || byCodeUnit(xs[i - 1], x) <= 0);

/**
 * Rows (in physical order) stored in `key` order, page by page: within each page the keys ascend, and
 * the pages hold ranges that do not interleave. That is what a sorted re-insert gives when PostgreSQL
 * puts some of the rows into space freed on earlier pages by an earlier vacuum: the order of the pages
 * then comes from the free-space map, never from the order of casting. In a table without reusable
 * space it is simply ascending order.
 */
function storedInOrder(rows: Row[], key: string): boolean {
  const pages = new Map<number, string[]>();
  for (const r of rows) {
    const [page] = ctidKey(r.__ctid);
    pages.set(page, [...(pages.get(page) ?? []), r[key] as string]);
  }
  const groups = [...pages.values()];
  if (!groups.every(isSorted)) return false;
  const ranges = groups.map((g) => [g[0], g[g.length - 1]]).sort((a, b) => byCodeUnit(a[0], b[0]));
  return ranges.every((r, i) => i === 0 || byCodeUnit(ranges[i - 1][1], r[0]) < 0);
}

interface Report {
  problems: string[];
  /** member id → choices, for every member the xmins tie to exactly one ballot in the box */
  linked: Map<string, unknown>;
}

/** A ballot's rows of the roll or of the box, table by table: the closed table and every slot's partition. */
function placesOf(dump: Dump, kind: 'roll' | 'box', ballotId: string): Row[][] {
  const name = new RegExp(`^ballot_${kind}(_live_\\d+)?$`);
  return Object.keys(dump).filter((t) => name.test(t)).map((t) => dump[t].filter((r) => r.ballot_id === ballotId)).filter((rows) => rows.length);
}

/** What an attacker holding a dump could link between the roll and the box of one ballot, wherever they are stored. */
function findLinks(dump: Dump, ballotId: string, memberIds: string[]): Report {
  const problems: string[] = [];
  const boxes = placesOf(dump, 'box', ballotId);
  const rolls = placesOf(dump, 'roll', ballotId);
  const box = boxes.flat();
  const roll = rolls.flat();
  // Rows come in physical order, table by table; make sure of it.
  for (const rows of [...boxes, ...rolls]) {
    for (let i = 1; i < rows.length; i++) {
      const [p0, o0] = ctidKey(rows[i - 1].__ctid);
      const [p1, o1] = ctidKey(rows[i].__ctid);
      if (!(p0 < p1 || (p0 === p1 && o0 < o1))) throw new Error('dump is not in physical order');
    }
  }

  for (const row of box) {
    const columns = Object.keys(row).filter((k) => !k.startsWith('__')).sort();
    if (columns.join() !== 'ballot_id,choices,receipt') problems.push(`box row has columns ${columns.join()}`);
    const text = JSON.stringify({ ...row, __xmin: undefined, __ctid: undefined });
    if (memberIds.some((m) => text.includes(m))) problems.push('box row names a member');
    if (/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) problems.push('box row carries a timestamp');
  }

  const xmins = new Set([...box, ...roll].map((r) => r.__xmin));
  if (xmins.size > 1) problems.push(`roll and box rows carry ${xmins.size} different xmins`);
  const linked = new Map<string, unknown>();
  for (const r of roll) {
    const boxSame = box.filter((b) => b.__xmin === r.__xmin);
    const rollSame = roll.filter((x) => x.__xmin === r.__xmin);
    if (boxSame.length === 1 && rollSame.length === 1) linked.set(r.member_id as string, boxSame[0].choices);
  }
  if (linked.size > 0) problems.push(`xmin ties ${linked.size} members to their ballots`);

  if (!boxes.every((rows) => storedInOrder(rows, 'receipt'))) problems.push('box rows are not stored in receipt order');
  if (!rolls.every((rows) => storedInOrder(rows, 'member_id'))) problems.push('roll rows are not stored in member order');
  return { problems, linked };
}

interface Cast { memberId: string; key: string; receipt: string; choices: Record<string, Vote> }

/** Every member votes, one after another, in a shuffled order: the order an attacker would want to recover. */
async function voteInShuffledOrder(ballotId: string, seed: number): Promise<Cast[]> {
  const random = rng(seed);
  const values: Vote[] = ['yes', 'no', 'abstain'];
  const order = shuffle(hall.members, random);
  const out: Cast[] = [];
  for (const m of order) {
    const choices = Object.fromEntries(hall.projectIds.map((p) => [p, values[Math.floor(random() * 3)]])) as Record<string, Vote>;
    const r = await cast(server, m.token, ballotId, choices);
    expect(r.status).toBe(201);
    out.push({ memberId: m.id, key: r.key, receipt: r.body.receipt, choices });
  }
  // The order of casting is neither the order of member ids nor the order of receipts.
  expect(isSorted(out.map((c) => c.memberId))).toBe(false);
  expect(isSorted(out.map((c) => c.receipt))).toBe(false);
  return out;
}

const xminOf = async (ballotId: string) =>
  (await query<{ x: string }>(server, `select xmin::text as x from ballots where id = '${ballotId}'`))[0].x;

describe('a closed secret ballot', () => {
  it('leaves nothing in the database that links a member to a ballot', async () => {
    expect(secrecyOptions.rewriteOnClose).toBe(true);
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '无记名票决', projectIds: hall.projectIds, seats: 2 });
    await open(server, hall, ballot.id);
    const casts = await voteInShuffledOrder(ballot.id, 7);
    const memberIds = hall.members.map((m) => m.id);

    // While open the link exists (the README says so); the checker sees it, which shows it is looking.
    const during = findLinks(await dumpDatabase(), ballot.id, memberIds);
    expect(during.linked.size).toBe(50);

    const [{ slot }] = await query<{ slot: number }>(server, `select live_slot as slot from ballots where id = '${ballot.id}'`);
    expect(slot).toBeGreaterThan(0);

    await close(server, hall, ballot.id);
    const dump = await dumpDatabase();
    const text = JSON.stringify(dump);
    const report = findLinks(dump, ballot.id, memberIds);
    expect(report.problems).toEqual([]);
    // Nothing was vacuumed (neither by the server nor by autovacuum): the result above owes nothing to a vacuum.
    const vacuums = await query<{ n: string }>(server, `select coalesce(sum(vacuum_count + autovacuum_count), 0)::text as n from pg_stat_all_tables
      where relname ~ '^ballot_(roll|box)(_live_[0-9]+)?$'`);
    expect(vacuums).toEqual([{ n: '0' }]);
    // The slot's files were replaced by empty ones (TRUNCATE), not merely emptied of visible rows.
    const sizes = await query<{ size: string }>(server, `select (pg_relation_size('ballot_roll_live_${slot}') + pg_relation_size('ballot_box_live_${slot}'))::text as size`);
    expect(sizes).toEqual([{ size: '0' }]);
    expect(placesOf(dump, 'box', ballot.id)).toHaveLength(1);
    expect(placesOf(dump, 'roll', ballot.id)).toHaveLength(1);

    const box = dump.ballot_box.filter((r) => r.ballot_id === ballot.id);
    const roll = dump.ballot_roll.filter((r) => r.ballot_id === ballot.id);
    expect(box).toHaveLength(50);
    expect(roll).toHaveLength(50);
    // One xmin for all of them, and it is the close's: the ballots row was updated in that transaction.
    const closeXmin = await xminOf(ballot.id);
    expect(new Set([...box, ...roll].map((r) => r.__xmin))).toEqual(new Set([closeXmin]));
    // Physical order: receipts ascending in the box, member ids ascending in the roll (strictly: these
    // are the first rows of a fresh database, so no space freed by an earlier vacuum is reused).
    expect(box.map((r) => r.receipt)).toEqual(casts.map((c) => c.receipt).sort(byCodeUnit));
    expect(roll.map((r) => r.member_id)).toEqual([...memberIds].sort(byCodeUnit));
    // Nothing but ballot_id, receipt, choices in the box table itself.
    const columns = await query<{ c: string }>(server, `select column_name as c from information_schema.columns where table_name = 'ballot_box' order by ordinal_position`);
    expect(columns.map((c) => c.c).sort()).toEqual(['ballot_id', 'choices', 'receipt']);

    // The submission keys never reach the database; receipts are nowhere but the box.
    for (const c of casts) expect(text).not.toContain(c.key);
    const boxText = JSON.stringify(dump.ballot_box);
    const elsewhere = JSON.stringify({ ...dump, ballot_box: undefined });
    for (const c of casts) {
      expect(boxText).toContain(c.receipt);
      expect(elsewhere).not.toContain(c.receipt);
    }
    expect(JSON.stringify(dump.audit_log)).not.toMatch(/receipt/i);

    // The rows the casts wrote are gone from the table files too, not just invisible (PostgreSQL: pageinspect).
    if (onPostgres) {
      await query(server, 'create extension if not exists pageinspect');
      for (const table of ['ballot_box', 'ballot_roll']) {
        const items = await query<{ xmin: string; n: string }>(server, `
          select t_xmin::text as xmin, count(*)::text as n
          from generate_series(0, (pg_relation_size('${table}') / current_setting('block_size')::int)::int - 1) as blk,
               lateral heap_page_items(get_raw_page('${table}', blk))
          where lp_flags = 1 group by 1`);
        expect(items, `${table} still holds old row versions`).toEqual([{ xmin: closeXmin, n: '50' }]);
      }
    }
  });

  it('the same checker finds the link when the close does not rewrite the rows', async () => {
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '对照：不重写', projectIds: hall.projectIds, seats: 2 });
    await open(server, hall, ballot.id);
    const casts = await voteInShuffledOrder(ballot.id, 8);
    secrecyOptions.rewriteOnClose = false;
    try {
      await close(server, hall, ballot.id);
    } finally {
      secrecyOptions.rewriteOnClose = true;
    }
    const dump = await dumpDatabase();
    const report = findLinks(dump, ballot.id, hall.members.map((m) => m.id));
    const closeXmin = await xminOf(ballot.id);

    // 50 votes left in the slot, each with its own xmin, and their copies in the closed tables with the close's
    expect(report.problems).toContain('roll and box rows carry 51 different xmins');
    expect(report.problems).toContain('xmin ties 50 members to their ballots');
    // And the link is real: it gives back exactly what each member voted.
    const sent = new Map(casts.map((c) => [c.memberId, c.choices]));
    expect(report.linked.size).toBe(50);
    for (const [memberId, choices] of report.linked) expect(choices).toEqual(sent.get(memberId));
    // The xmins also replay the order of casting.
    const box = placesOf(dump, 'box', ballot.id).flat().filter((r) => r.__xmin !== closeXmin);
    expect(box).toHaveLength(50);
    const byXmin = [...box].sort((a, b) => Number(a.__xmin) - Number(b.__xmin)).map((r) => r.receipt);
    expect(byXmin).toEqual(casts.map((c) => c.receipt));
    expect(report.problems).toContain('box rows are not stored in receipt order');
  });

  it('with the rewrite back on, the next close is clean again', async () => {
    expect(secrecyOptions.rewriteOnClose).toBe(true);
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '无记名表决', question: '通过' });
    await open(server, hall, ballot.id);
    const casts: string[] = [];
    for (const m of shuffle(hall.members.slice(0, 30), rng(9))) {
      const r = await cast(server, m.token, ballot.id, { vote: casts.length % 3 === 0 ? 'no' : 'yes' });
      expect(r.status).toBe(201);
      casts.push(r.key);
    }
    await close(server, hall, ballot.id);
    const dump = await dumpDatabase();
    expect(findLinks(dump, ballot.id, hall.members.map((m) => m.id)).problems).toEqual([]);
    const text = JSON.stringify(dump);
    for (const key of casts) expect(text).not.toContain(key);
    ok(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }));
  });

  it('a scored evaluation (无记名打分 of departments and one representative\'s 述职) leaves no link either', async () => {
    const speaker = hall.members[0];
    const ballot = await createBallot(server, hall, {
      kind: 'evaluation', title: '无记名打分评议', form: 'score', flags: { red: 1, black: 1 },
      subjects: [{ kind: 'department', name: '县教育局' }, { kind: 'department', name: '县民政局' }, { kind: 'member', memberId: speaker.id }],
    });
    const optionIds = (ballot.options as { id: string }[]).map((o) => o.id);
    await open(server, hall, ballot.id);
    const random = rng(11);
    const casts: { memberId: string; key: string; receipt: string; choices: Record<string, number> }[] = [];
    for (const m of shuffle(hall.members, random)) {
      const choices = Object.fromEntries(optionIds.map((id) => [id, Math.floor(random() * 101)]));
      const r = await cast(server, m.token, ballot.id, choices);
      expect(r.status).toBe(201);
      casts.push({ memberId: m.id, key: r.key, receipt: r.body.receipt, choices });
    }
    expect(isSorted(casts.map((c) => c.receipt))).toBe(false);
    const memberIds = hall.members.map((m) => m.id);
    // the checker sees the link while the ballot is open, and it gives back each member's scores
    const during = findLinks(await dumpDatabase(), ballot.id, memberIds);
    expect(during.linked.size).toBe(50);
    for (const c of casts) expect(during.linked.get(c.memberId)).toEqual(c.choices);

    await close(server, hall, ballot.id);
    const dump = await dumpDatabase();
    expect(findLinks(dump, ballot.id, memberIds).problems).toEqual([]);
    const box = dump.ballot_box.filter((r) => r.ballot_id === ballot.id);
    const roll = dump.ballot_roll.filter((r) => r.ballot_id === ballot.id);
    expect(box).toHaveLength(50);
    expect(roll).toHaveLength(50);
    const closeXmin = await xminOf(ballot.id);
    expect(new Set([...box, ...roll].map((r) => r.__xmin))).toEqual(new Set([closeXmin]));
    // the scores are all there, as integers, and no box row names the representative being evaluated
    const scores = (c: unknown) => optionIds.map((id) => (c as Record<string, number>)[id]).join();
    expect(box.map((r) => scores(r.choices)).sort(byCodeUnit)).toEqual(casts.map((c) => scores(c.choices)).sort(byCodeUnit));
    expect(JSON.stringify(box)).not.toContain(speaker.id);
    const text = JSON.stringify(dump);
    for (const c of casts) expect(text).not.toContain(c.key);
    const elsewhere = JSON.stringify({ ...dump, ballot_box: undefined });
    for (const c of casts) expect(elsewhere).not.toContain(c.receipt);
  });
  it('a satisfaction ballot rating items one by one (子项) closes just as clean', async () => {
    const [p0, p1, p2] = hall.projectIds;
    await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [p0]: 'yes', [p1]: 'yes', [p2]: 'no' }));
    const items = (ok(await server.call('PUT', `/api/projects/${p0}/items`, { token: server.adminToken, json: { items: [{ title: '甲' }, { title: '乙' }] } })) as { items: { id: string }[] }).items.map((i) => i.id);
    const ballot = await createBallot(server, hall, { kind: 'satisfaction', title: '按子项测评', projectIds: [p0, p1], byItem: true });
    const ids = [...items, p1];
    expect(ballot.options.map((o: { id: string }) => o.id)).toEqual(ids);
    await open(server, hall, ballot.id);
    const random = rng(11);
    const grades = ['satisfied', 'basic', 'unsatisfied'];
    const keys: string[] = [];
    for (const m of shuffle(hall.members.slice(0, 30), random)) {
      const r = await cast(server, m.token, ballot.id, Object.fromEntries(ids.map((id) => [id, grades[Math.floor(random() * 3)]])));
      expect(r.status).toBe(201);
      keys.push(r.key);
    }
    await close(server, hall, ballot.id);
    const dump = await dumpDatabase();
    expect(findLinks(dump, ballot.id, hall.members.map((m) => m.id)).problems).toEqual([]);
    const text = JSON.stringify(dump);
    for (const key of keys) expect(text).not.toContain(key);
  }, 60_000);
});
