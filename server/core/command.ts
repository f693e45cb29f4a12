// One command shape for every state-changing use case (Decidim's command objects, as plain functions).
// A command is declared once: the roles allowed, how its body is found and what it locks (the scope), its
// stable action name and stage, what it does, its audit entry, and its effects after commit. The wrapper
// opens the transaction, checks role and scope, runs it, writes the audit entries in the same transaction,
// and only after the commit fires the effects (public pages changed, a live frame, notices).
import type { AppContext, CommandContext, Effect } from '../context.js';
import { writeAudit, type AuditActor, type AuditDraft } from '../audit/log.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { assertCarryingDepartment } from '../projects/departments.js';
import { publicPagesChanged } from './page-cache.js';
import { forbidden, unauthorized } from './errors.js';
import { callerOf, type ActorOf, type Caller, type Principal } from './principal.js';
import { auditActions, type AuditAction, type AuditStage } from '../../shared/audit.js';

export type { CommandContext, Effect };

export const publicChange: Effect = { kind: 'public' };
export const residentsChange: Effect = { kind: 'residents' };
export const live = (sessionId: string, ballotId?: string): Effect => ({ kind: 'live', sessionId, ballotId });

/** What a command's scope answers: the body of the thing it acts on, and for a project its carrier. */
export interface Scope {
  /** staff must cover this body (403 other_body); null: deployment-wide (only an admin without a body) */
  bodyId: string | null;
  /** a department user must be this project's carrying department (403 not_your_department) */
  carrier?: { department: string; message: string };
}

export interface CommandSpec<R extends Caller, I, S extends Scope, O> {
  /** the stable dotted name of the trail (`suggestion.merged`); an audit draft may name another */
  action: AuditAction;
  stage: AuditStage;
  roles: readonly R[];
  /** finds (and locks) what the command acts on; may refuse (404, 409) before any role-by-body check */
  scope: (cx: CommandContext<ActorOf<R>>, input: I) => Promise<S>;
  run: (cx: CommandContext<ActorOf<R>>, input: I, scope: S) => Promise<O>;
  /** the entry (or entries) for the trail; null only where nothing changed (an idempotent repeat) */
  audit: (out: O, input: I, scope: S) => AuditDraft | AuditDraft[] | null;
  effects?: readonly Effect[] | ((out: O, scope: S, input: I) => readonly Effect[]);
}

export interface Command<R extends Caller, I, S extends Scope, O> {
  (ctx: AppContext, actor: ActorOf<R>, input: I): Promise<O>;
  readonly spec: CommandSpec<R, I, S, O>;
}

/** The trail's actor for a principal: a resident without an account is `public`. */
const auditActor = (p: Principal | null): AuditActor => p ?? 'public';

/**
 * Declares a command taking input `I`: `command<{ projectId: string }>()({ action, stage, roles, scope, run, audit, effects })`.
 * The call returns the use case itself, `(ctx, actor, input) => result`, with its declaration as `.spec`.
 */
export function command<I>() {
  return <R extends Caller, S extends Scope, O>(spec: CommandSpec<R, I, S, O>): Command<R, I, S, O> => declare(spec);
}

function declare<R extends Caller, I, S extends Scope, O>(spec: CommandSpec<R, I, S, O>): Command<R, I, S, O> {
  if (auditActions[spec.action] !== spec.stage) throw new Error(`command ${spec.action}: stage ${spec.stage}, but shared/audit.ts says ${auditActions[spec.action]}`);
  const run = async (ctx: AppContext, actor: ActorOf<R>, input: I): Promise<O> => {
    const principal = actor as Principal | null;
    if (!callerOf(principal, spec.roles)) throw principal ? forbidden() : unauthorized();
    const effects: Effect[] = [];
    const out = await ctx.db.transaction(async (tx) => {
      const extra: AuditDraft[] = [];
      const cx: CommandContext<ActorOf<R>> = {
        ctx, tx, actor,
        audit: (entry) => { extra.push(entry); },
        emit: (name, event) => ctx.events.emit(cx as CommandContext, name, event),
        after: (effect) => { effects.push(effect); },
      };
      const scope = await spec.scope(cx, input);
      // Where anyone may act (a suggestion, a rating), staff act as anyone: no body of theirs is asked for.
      if (principal?.kind === 'staff' && !spec.roles.includes('public' as R)) {
        if (scope.bodyId === null) {
          if (principal.bodyId !== null) throw forbidden('other_body', '无权执行此操作 / not your body');
        } else {
          await assertStaffOfBody(tx, principal, scope.bodyId);
        }
        if (scope.carrier) await assertCarryingDepartment(tx, principal, scope.carrier, scope.carrier.message);
      }
      const result = await spec.run(cx, input, scope);
      const own = spec.audit(result, input, scope);
      const drafts = [...(own === null ? [] : Array.isArray(own) ? own : [own]), ...extra];
      await writeAudit(tx, auditActor(principal), drafts.map((d) => ({
        ...d, action: d.action ?? spec.action, stage: d.stage ?? auditActions[d.action ?? spec.action], bodyId: d.bodyId !== undefined ? d.bodyId : scope.bodyId,
      })));
      const declared = typeof spec.effects === 'function' ? spec.effects(result, scope, input) : spec.effects ?? [];
      effects.unshift(...declared);
      return result;
    });
    await fire(ctx, effects);
    return out;
  };
  return Object.assign(run, { spec });
}

/** Effects after commit. The change has committed: a failing effect is logged, never turned into a refusal. */
async function fire(ctx: AppContext, effects: Effect[]): Promise<void> {
  let publicDone = false;
  let residentsDone = false;
  for (const e of effects) {
    try {
      if (e.kind === 'public' && !publicDone) {
        publicDone = true;
        await publicPagesChanged(ctx.db, 'staff');
      } else if (e.kind === 'residents' && !residentsDone) {
        residentsDone = true;
        await publicPagesChanged(ctx.db, 'residents');
      } else if (e.kind === 'live') {
        ctx.live.touch(e.sessionId, e.ballotId);
      } else if (e.kind === 'after') {
        await e.run(ctx);
      }
    } catch (err) {
      console.error(`effect ${e.kind === 'after' ? e.name : e.kind} failed after commit`, err);
    }
  }
}
