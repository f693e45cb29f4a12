// What the public pages show changes through many writes; these two counters say that it did, so every
// server process can tell whether a page it keeps in memory is still current (core/public-changes.ts).
import { pgSequence } from 'drizzle-orm/pg-core';

/** Bumped after a staff write commits (projects, plans, reports, results…): pages are rebuilt on the next read. */
export const publicChanges = pgSequence('public_changes');
/** Bumped after a resident's suggestion or rating: pages catch up within a second, not on every one of a flood. */
export const residentChanges = pgSequence('resident_changes');
