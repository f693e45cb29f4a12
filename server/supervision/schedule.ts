// The one scheduled job of 督办: at server start and right after each midnight in Asia/Shanghai, red projects
// that have no task get one (what time alone made red: a missed date 30 days past, 122 days without a report,
// a 整改 deadline passed). One timer until the next midnight, no polling loop. Every process runs it; the unique
// index makes it open one task per project whichever runs first (open.ts).
import type { AppContext } from '../context.js';
import { openTasksForRed } from './open.js';

/** The instant of the next midnight in Asia/Shanghai (UTC+8 all year: China keeps no summer time) after `now`. */
export function nextShanghaiMidnight(now: Date): Date {
  const shifted = now.getTime() + 8 * 3_600_000;
  const nextDay = Math.floor(shifted / 86_400_000) + 1;
  return new Date(nextDay * 86_400_000 - 8 * 3_600_000);
}

export interface SweepTimers {
  /** calls `run` after `ms` milliseconds; answers a function that cancels it (tests pass their own) */
  after(ms: number, run: () => void): () => void;
}
export const realTimers: SweepTimers = {
  after(ms, run) { const t = setTimeout(run, ms); t.unref(); return () => clearTimeout(t); },
};

export interface TaskSweep {
  /** runs the sweep now (what the timer does); answers how many tasks it opened */
  run(): Promise<number>;
  /** when the next sweep is due */
  readonly next: Date | null;
  /** stops the timer and waits for a sweep under way */
  stop(): Promise<void>;
}

/** Starts the sweep: one now, then one a second after each Shanghai midnight by the server's clock (`ctx.now`). */
export function startTaskSweep(ctx: AppContext, timers: SweepTimers = realTimers): TaskSweep {
  let cancel: (() => void) | null = null;
  let next: Date | null = null;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const run = () => {
    running = running.then(() => openTasksForRed(ctx, null)).catch((err) => { console.error('task sweep failed', err); return 0; });
    return running;
  };
  const arm = () => {
    if (stopped) return;
    next = nextShanghaiMidnight(ctx.now());
    // a second past midnight, so that "today" has surely moved on
    cancel = timers.after(Math.max(0, next.getTime() - ctx.now().getTime()) + 1000, () => { void run().then(arm); });
  };
  void run().then(arm);
  return {
    run,
    get next() { return next; },
    async stop() { stopped = true; cancel?.(); await running; },
  };
}
