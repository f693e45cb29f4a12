// The 民意指数 of projects (API.md "Representatives and residents"): the suggestions adopted into each and
// every suggestion merged into those (transitively), counted by channel with the shared rule. Read by the
// ballot (its selection candidates) and the dossier sent before the vote.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { rowsOf } from '../db/connect.js';
import { tallyDemand, type Demand, type DemandRow } from '../../shared/demand.js';
import type { SuggestionChannel } from '../../shared/collection-schemas.js';

export type { Demand };

/** Each project's demand (one query: the adopted suggestions and the trees merged into them). */
export async function demandOf(db: DbOrTx, projectIds: readonly string[]): Promise<Map<string, Demand>> {
  const ids = [...new Set(projectIds)];
  if (!ids.length) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  // `union` (not `union all`) and the root's project carried down: a cycle of merges, were one ever written,
  // ends instead of looping.
  const rows = rowsOf<{ project_id: string; channel: SuggestionChannel; adopted: boolean; supporters: number }>(await db.execute(sql`
    with recursive tree(id, project_id, adopted) as (
      select id, project_id, true from suggestions where project_id in (${list}) and status = 'adopted'
      union select s.id, t.project_id, false from suggestions s join tree t on s.merged_into = t.id
    )
    select t.project_id, s.channel, t.adopted, s.supporters from tree t join suggestions s on s.id = t.id`));
  const out: DemandRow[] = rows.map((r) => ({ projectId: r.project_id, channel: r.channel, adopted: r.adopted, supporters: Number(r.supporters) }));
  return tallyDemand(ids, out);
}
