// Stages talk by events: a command emits one inside its transaction, and the stages that care subscribe
// where the app is assembled (server/wiring.ts). A subscriber runs in the same transaction as the command,
// so what it writes commits or rolls back with it, and a refusal it throws refuses the whole command.
import type { ballots, projects } from '../db/schema.js';

export interface DomainEvents {
  /** a ballot's result became public: selection write-back (screening), grades (evaluation) */
  'ballot.published': { ballot: typeof ballots.$inferSelect };
  /** a draft project was made from suggestions: they are adopted into it (collection) */
  'project.created': { project: typeof projects.$inferSelect; suggestionIds: string[] };
  /** a project was withdrawn before its list: its suggestions wait again (collection) */
  'project.withdrawn': { project: typeof projects.$inferSelect };
  /** what decides a selected project's execution and colour changed (a plan, a report, a rectification): supervision opens a task on red */
  'project.execution_changed': { projectIds: string[] };
}
export type EventName = keyof DomainEvents;

type Handler<Cx, K extends EventName> = (cx: Cx, event: DomainEvents[K]) => Promise<void>;

export class EventBus<Cx> {
  private readonly handlers = new Map<EventName, Handler<Cx, never>[]>();

  on<K extends EventName>(name: K, handler: Handler<Cx, K>): this {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<Cx, never>);
    this.handlers.set(name, list);
    return this;
  }

  /** Runs every subscriber, one after another, in the order they subscribed. */
  async emit<K extends EventName>(cx: Cx, name: K, event: DomainEvents[K]): Promise<void> {
    for (const h of this.handlers.get(name) ?? []) await (h as Handler<Cx, K>)(cx, event);
  }

  subscribers(name: EventName): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}
