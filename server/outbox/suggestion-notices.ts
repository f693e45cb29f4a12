// `suggestion_status` notices (API.md "Notices to people"): a resident who ticked 通知我 and gave a mobile number
// is told when their suggestion moves — merged, adopted, not adopted, referred, answered, replied to by the
// representative it was sent through (代表码) — and when the project
// it went into is selected or done. One short message with the tracking link and nothing else personal.
import { sql, type SQL } from 'drizzle-orm';
import type { CommandContext } from '../context.js';
import { rowsOf } from '../db/connect.js';
import { mobileIn } from './mask.js';
import { notify } from './write.js';

export interface Sender { bodyId: string; title: string; trackingCode: string; contact: string | null; notify: boolean }

/** What each move says, after 「title」. */
export const suggestionMoves = {
  merged: '已与内容相同的建议合并办理',
  adopted: '已被采纳，列入民生实事候选项目',
  not_adopted: '经审查未被采纳，原因可在查询页查看',
  referred: '已转交有关部门办理',
  answered: '有关部门已答复',
  replied: '代表已回复',
  selected: '所在项目已经人大代表票决确定为民生实事项目',
  done: '所在项目已完工，欢迎对项目进行评价',
} as const;
export type SuggestionMove = keyof typeof suggestionMoves;

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

export const trackingLink = (cx: CommandContext<unknown>, code: string) => `${cx.ctx.publicUrl}/track/${code}`;

/** Tells the senders among `rows` who asked to be told; the others are left alone. */
export async function tellSenders(cx: CommandContext<unknown>, rows: Sender[], move: SuggestionMove): Promise<void> {
  await notify(cx, rows.filter((s) => s.notify).map((s) => ({
    kind: 'suggestion_status' as const, bodyId: s.bodyId, to: mobileIn(s.contact) ?? '',
    text: `【民生实事】您的建议「${clip(s.title)}」${suggestionMoves[move]}。详情：${trackingLink(cx, s.trackingCode)}`,
    params: { title: clip(s.title), move, moveText: suggestionMoves[move], code: s.trackingCode, link: trackingLink(cx, s.trackingCode) },
  })));
}

/** The senders of these suggestions and of every one merged (at any depth) into them. */
export async function tellChainSenders(cx: CommandContext<unknown>, suggestionIds: string[], move: SuggestionMove): Promise<void> {
  if (!suggestionIds.length) return;
  await tellAlong(cx, sql`id in (${list(suggestionIds)})`, move);
}

/** The senders of every suggestion adopted into these projects, or merged (at any depth) into one that was. */
export async function tellProjectSenders(cx: CommandContext<unknown>, projectIds: string[], move: 'selected' | 'done'): Promise<void> {
  if (!projectIds.length) return;
  await tellAlong(cx, sql`project_id in (${list(projectIds)})`, move);
}

const list = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

async function tellAlong(cx: CommandContext<unknown>, start: SQL, move: SuggestionMove) {
  const rows = rowsOf<{ body_id: string; title: string; tracking_code: string; contact: string | null }>(await cx.tx.execute(sql`
    with recursive chain(id) as (
      select id from suggestions where ${start}
      union select s.id from suggestions s join chain c on s.merged_into = c.id
    )
    select s.body_id, s.title, s.tracking_code, s.contact from suggestions s join chain c on c.id = s.id where s.notify order by s.id`));
  await tellSenders(cx, rows.map((r) => ({ bodyId: r.body_id, title: r.title, trackingCode: r.tracking_code, contact: r.contact, notify: true })), move);
}
