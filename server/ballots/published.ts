// A published ballot's result and box never change again (API.md: publishing is final): once serialised
// they are answered from memory (core/page-cache.ts immutablePage). Anything earlier takes the normal path.
import type { AppContext } from '../context.js';
import { immutablePage, type CachedPage } from '../core/page-cache.js';
import { countedResult, findBallot } from './queries.js';
import { getBox } from './view.js';
import type { BallotBox, BallotResult } from '../../shared/types.js';

/** The published result of a ballot, from memory; null when it is not published. Unknown id → 404 as usual. */
export function publishedResult(ctx: AppContext, ballotId: string): Promise<CachedPage<BallotResult> | null> {
  return immutablePage<BallotResult>(`result:${ballotId}`, async () => {
    const b = await findBallot(ctx.db, ballotId);
    return b.state === 'published' ? countedResult(b) : null;
  });
}

/** The published ballot box (entries and digest), from memory; null when not published. */
export function publishedBox(ctx: AppContext, ballotId: string): Promise<CachedPage<BallotBox> | null> {
  return immutablePage<BallotBox>(`box:${ballotId}`, async () => {
    const b = await findBallot(ctx.db, ballotId);
    return b.state === 'published' ? getBox(ctx, null, ballotId) : null;
  });
}
