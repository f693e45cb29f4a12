// Writing a notice to a person: a row of the outbox, in the transaction of the change that causes it (so it
// exists exactly when the change does), and after the commit a nudge to the sender (so it goes out at once).
import type { CommandContext } from '../context.js';
import { outbox, type OutboxKind } from '../db/schema.js';
import { newId } from '../db/ids.js';

export interface Notice {
  kind: OutboxKind; bodyId: string | null; to: string; text: string;
  /** the text's variable parts by name, for a gateway that sends registered templates (docs/NOTICES.md) */
  params?: Record<string, string>;
}

/** Queues notices in the command's transaction; the sender is woken after its commit. */
export async function notify(cx: CommandContext<unknown>, notices: Notice[]): Promise<void> {
  const list = notices.filter((n) => n.to);
  if (!list.length) return;
  await cx.tx.insert(outbox).values(list.map((n) => ({ id: newId(), bodyId: n.bodyId, kind: n.kind, to: n.to, text: n.text, params: n.params ?? {} })));
  cx.after({ kind: 'after', name: 'send notices', run: async (ctx) => ctx.outbox.wake() });
}
