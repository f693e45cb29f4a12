import type { BallotRow } from './queries.js';
import { optionsOf } from './queries.js';

/** The ballot as API.md shows it; tally, result and `voted` are added by the caller when allowed. */
export function describeBallot(b: BallotRow, live?: { cast?: number; eligible?: number }) {
  return {
    // an evaluation's form is grade or score, with its scale and flags (API.md "Evaluation")
    id: b.id, sessionId: b.sessionId, kind: b.kind, form: b.evaluation?.form ?? b.form, seats: b.seats,
    ...(b.evaluation ? { scale: b.evaluation.scale ?? null, flags: b.evaluation.flags ?? null } : {}), question: b.question, state: b.state,
    title: b.title, secret: b.secret, byItem: b.byItem, baseRule: b.baseRule, runoffOf: b.runoffOf, options: optionsOf(b),
    eligible: live?.eligible ?? b.eligible ?? 0, cast: live?.cast ?? b.cast ?? 0,
    openedAt: b.openedAt, closedAt: b.closedAt, publishedAt: b.publishedAt, cancelledAt: b.cancelledAt, cancelReason: b.cancelReason,
  };
}
