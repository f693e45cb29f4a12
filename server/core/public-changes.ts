// Has anything the public pages show changed since a page was made? Two database sequences answer it
// for every server process alike (schema/publication.ts): a write bumps one after its transaction has
// committed, so a process that reads the new number also reads the new rows. A process reads the two
// numbers at most once per `changeCheckMs`, and only while somebody reads a public page: when nothing
// changes, nothing is rebuilt and nothing runs.
import type { Db } from '../db/connect.js';
import { currentValues, nextValue } from '../db/sequences.js';

/** How stale this process's idea of the counters may get: a change through another process shows after at most this (plus a rebuild). */
export const changeCheckMs = 400;

export interface ChangeVersion { staff: number; residents: number }

interface Known { version: ChangeVersion; checkedAt: number; checking: Promise<ChangeVersion> | null }
const known = new WeakMap<Db, Known>();

const sequenceOf = { staff: 'public_changes', residents: 'resident_changes' } as const;

async function read(db: Db): Promise<ChangeVersion> {
  const [staff, residents] = await currentValues(db, [sequenceOf.staff, sequenceOf.residents]);
  return { staff, residents };
}

function check(db: Db, k: Known | undefined): Promise<ChangeVersion> {
  if (k?.checking) return k.checking;
  const checking = read(db).then((version) => {
    const now = known.get(db);
    // A bump through this process may have raced the read: keep the larger of each.
    const merged = now ? { staff: Math.max(now.version.staff, version.staff), residents: Math.max(now.version.residents, version.residents) } : version;
    known.set(db, { version: merged, checkedAt: Date.now(), checking: null });
    return merged;
  }, (err) => {
    const now = known.get(db);
    if (now) now.checking = null;
    throw err;
  });
  if (k) k.checking = checking;
  else known.set(db, { version: { staff: -1, residents: -1 }, checkedAt: 0, checking });
  return checking;
}

/**
 * The counters as this process knows them. Past `changeCheckMs` one reader asks the database again while
 * the others go on with what is known (they would only wait to learn that nothing changed); the very first
 * reader of a process waits for the answer.
 */
export async function publicVersion(db: Db): Promise<ChangeVersion> {
  const k = known.get(db);
  if (k && k.version.staff >= 0) {
    if (Date.now() - k.checkedAt >= changeCheckMs) check(db, k).catch(() => { /* the next reader asks again */ });
    return k.version;
  }
  return check(db, k);
}

/** A write through this process committed something public pages show: say so to every process. */
export async function recordPublicChange(db: Db, who: 'staff' | 'residents'): Promise<void> {
  const v = await nextValue(db, sequenceOf[who]);
  const k = known.get(db);
  if (!k || k.version.staff < 0) return;
  k.version = { ...k.version, [who]: Math.max(k.version[who], v) };
}
