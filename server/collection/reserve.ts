// A not-adopted suggestion kept in the body's reserve (储备库) with a note, for a later year's screening to
// adopt (API.md "Supervision tasks, referrals, the reserve"). Adopting it takes it out (adopt.ts).
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { suggestions } from '../db/schema.js';
import { command } from '../core/command.js';
import { conflict, notFound } from '../core/errors.js';
import type { reserveInput } from '../../shared/reserve-schemas.js';
import { describeForStaff } from './inbox.js';

export const setSuggestionReserve = command<{ suggestionId: string } & z.infer<typeof reserveInput>>()({
  action: 'suggestion.reserved', stage: 'collection', roles: ['admin'],
  scope: async (cx, { suggestionId }) => {
    const [row] = await cx.tx.select().from(suggestions).where(eq(suggestions.id, suggestionId)).for('update');
    if (!row) throw notFound('建议');
    return { bodyId: row.bodyId, row };
  },
  run: async (cx, input, { row }) => {
    // Taking one out is always allowed; only a not-adopted one goes in.
    if (input.reserve && row.status !== 'not_adopted') throw conflict('not_reservable', '只有未采纳的建议可以加入储备库 / only a not-adopted suggestion');
    const [s] = await cx.tx.update(suggestions).set({ reserve: input.reserve, reserveNote: input.reserve ? input.note ?? null : null, updatedAt: sql`now()` })
      .where(eq(suggestions.id, row.id)).returning();
    return describeForStaff(s);
  },
  audit: (s, input, { row }) => (row.reserve === input.reserve && (row.reserveNote ?? null) === (s.reserve?.note ?? null) ? null : {
    action: input.reserve ? 'suggestion.reserved' : 'suggestion.unreserved',
    subject: { kind: 'suggestion', id: s.id, label: s.title }, detail: input.reserve && input.note ? { note: input.note } : undefined,
  }),
});
