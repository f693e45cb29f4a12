// Where the votes of an open ballot are kept, and how the close discards that place wholesale.
//
// ballot_roll_live / ballot_box_live are partitioned by LIST (slot), one partition per slot
// (ballot_roll_live_<n>, ballot_box_live_<n>, made by migration 0015's ballot_live_slot(n)). Opening a
// ballot gives it the lowest free slot; its votes go straight into that slot's partitions, by name, so a
// vote never touches (or locks) another hall's partition. Closing copies the rows into ballot_roll /
// ballot_box sorted (so they share the close's xmin and their order says nothing) and TRUNCATEs the
// slot's partitions: TRUNCATE gives each a new, empty file and drops the old one at commit, so no dead
// row version with a vote's xmin or its position survives, whatever any vacuum does or does not do.
// The close's time then depends on its own ballot only, not on how many ballots the deployment holds.
//
// Locks: ATTACH (only when more ballots than ever are open at once) takes SHARE UPDATE EXCLUSIVE on the
// parent, which votes do not conflict with; TRUNCATE takes ACCESS EXCLUSIVE on this slot's partitions
// only. The close takes that lock FIRST (before the ballot's advisory lock): a vote statement locks its
// partition when it starts and the advisory lock inside, so the other order could deadlock.
import { sql } from 'drizzle-orm';
import type { DbOrTx, RawQuery, Tx } from '../db/connect.js';
import { rowsOf } from '../db/connect.js';
import { DomainError } from '../core/errors.js';

/** Namespace of the per-slot advisory locks an opening ballot takes on the slot it is given. */
const slotLockSpace = 7310003;

function checkSlot(slot: number): number {
  if (!Number.isInteger(slot) || slot < 1) throw new Error(`bad live slot ${slot}`);
  return slot;
}

/** The partitions of a slot (the name is built from an integer only). */
export const liveRoll = (slot: number) => `ballot_roll_live_${checkSlot(slot)}`;
export const liveBox = (slot: number) => `ballot_box_live_${checkSlot(slot)}`;

/**
 * Gives an opening ballot the lowest free slot, making its partitions if this slot is new. Opens of
 * different halls do not queue behind each other: each takes a transaction advisory lock on the slot it
 * wants (try, not wait) and looks again that it is free — a slot given by a transaction that has since
 * committed is seen, one given by a transaction still running is locked — else tries the next one.
 */
export async function assignSlot(tx: Tx, ballotId: string): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // The lowest slot that is free and not being given right now. generate_series yields in order and LIMIT 1
    // stops at the first lock won (no ORDER BY: a sort would run the filter, and take the locks, on every row).
    const [row] = rowsOf<{ slot: number }>(await tx.execute(sql`
      select s::int as slot from generate_series(1, (select count(*)::int + 1000 from ballots where live_slot is not null)) s
      where not exists (select 1 from ballots where live_slot = s) and pg_try_advisory_xact_lock(${sql.raw(String(slotLockSpace))}, s)
      limit 1`));
    if (!row) break;
    const slot = checkSlot(row.slot);
    // A statement of its own, so its snapshot is taken after the lock: it sees an open that committed this slot meanwhile.
    const [taken] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ballots where live_slot = ${slot}`));
    if (taken.n > 0) continue;
    await tx.execute(sql`select ballot_live_slot(${slot})`);
    await tx.execute(sql`update ballots set live_slot = ${slot} where id = ${ballotId}`);
    slots.set(ballotId, slot);
    return slot;
  }
  throw new DomainError(503, 'busy', '请重试 / please retry');
}

/**
 * The slot of a ballot being closed or cancelled, its partitions locked ACCESS EXCLUSIVE: every vote
 * already writing there finishes first, every later one waits and then finds the ballot closed.
 */
export async function lockSlot(tx: Tx, ballotId: string): Promise<number | null> {
  const [row] = rowsOf<{ slot: number | null }>(await tx.execute(sql`select live_slot as slot from ballots where id = ${ballotId}`));
  const slot = row?.slot ?? null;
  if (slot === null) return null;
  await tx.execute(sql.raw(`lock table ${liveRoll(slot)}, ${liveBox(slot)} in access exclusive mode`));
  return slot;
}

/**
 * Moves a closing ballot's roll and box out of its slot: inserted into ballot_roll / ballot_box sorted by
 * member and by receipt (byte order, as the verifier sorts), then the slot emptied. `sorted: false` and
 * `discard: false` exist only for the secrecy test's control case.
 */
export async function archiveSlot(tx: Tx, ballotId: string, slot: number, o: { sorted: boolean; discard: boolean } = { sorted: true, discard: true }) {
  const byMember = o.sorted ? 'order by member_id collate "C"' : '';
  const byReceipt = o.sorted ? 'order by receipt collate "C"' : '';
  await tx.execute(sql`insert into ballot_box (ballot_id, receipt, choices)
    select ballot_id, receipt, choices from ${sql.raw(liveBox(slot))} where ballot_id = ${ballotId} ${sql.raw(byReceipt)}`);
  await tx.execute(sql`insert into ballot_roll (ballot_id, member_id, key_hash)
    select ballot_id, member_id, key_hash from ${sql.raw(liveRoll(slot))} where ballot_id = ${ballotId} ${sql.raw(byMember)}`);
  await freeSlot(tx, ballotId, slot, o.discard);
}

/** Empties the slot (a cancel throws its votes away) and gives it back. */
export async function freeSlot(tx: Tx, ballotId: string, slot: number, discard = true) {
  if (discard) await tx.execute(sql.raw(`truncate ${liveRoll(slot)}, ${liveBox(slot)}`));
  await tx.execute(sql`update ballots set live_slot = null where id = ${ballotId}`);
  slots.delete(ballotId);
}

// The vote path asks for a ballot's slot on every vote: remembered per process. A remembered slot that
// has since been freed (the ballot closed, maybe the slot reused) is harmless: every vote statement also
// requires ballots.live_slot to be that slot, so it writes nothing and the diagnosis answers.
const slots = new Map<string, number>();

function remember(ballotId: string, slot: number | null): number | null {
  if (slot !== null) {
    if (slots.size > 10000) slots.clear();
    slots.set(ballotId, slot);
  }
  return slot;
}

export async function slotOf(query: RawQuery, ballotId: string): Promise<number | null> {
  const known = slots.get(ballotId);
  if (known !== undefined) return known;
  const [row] = await query<{ slot: number | null }>('select live_slot as slot from ballots where id = $1', [ballotId]);
  return remember(ballotId, row?.slot ?? null);
}

export async function slotIn(db: DbOrTx, ballotId: string): Promise<number | null> {
  const known = slots.get(ballotId);
  if (known !== undefined) return known;
  const [row] = rowsOf<{ slot: number | null }>(await db.execute(sql`select live_slot as slot from ballots where id = ${ballotId}`));
  return remember(ballotId, row?.slot ?? null);
}

/**
 * Rows of a ballot wherever they are: its slot while open, the closed tables after. Read in one statement,
 * so a close that commits meanwhile is seen whole (the statement's locks are taken, and waited for, before
 * its snapshot): the rows are in exactly one of the two places.
 */
export function bothPlaces(table: 'roll' | 'box', slot: number | null, columns: string, where = 'ballot_id = $1'): string {
  const closed = `select ${columns} from ${table === 'roll' ? 'ballot_roll' : 'ballot_box'} where ${where}`;
  if (slot === null) return closed;
  return `select ${columns} from ${table === 'roll' ? liveRoll(slot) : liveBox(slot)} where ${where} union all ${closed}`;
}

/** A statement's text for each slot, built once. */
export function memoBySlot(build: (slot: number) => string): (slot: number) => string {
  const texts = new Map<number, string>();
  return (slot) => {
    let t = texts.get(slot);
    if (t === undefined) texts.set(slot, (t = build(checkSlot(slot))));
    return t;
  };
}
