// When the last backup was taken (npm run backup records it), for the staff screens' reminder.
import { desc } from 'drizzle-orm';
import { route } from '../../http/route.js';
import { forbidden } from '../../core/errors.js';
import { backups } from '../schema.js';
import { iso } from '../time.js';

/** A county should back up every night; past this many days without one the screens warn. */
export const backupOverdueDays = 7;

export const backupRoutes = [
  route({
    method: 'GET', path: '/backups/last', summary: 'When the last backup was taken (by `npm run backup`), and whether one is overdue (7 days)', roles: ['admin'], extension: true,
    handler: async (ctx, r) => {
      // Backups are the deployment's, not a body's: for the administrator without a body (the first admin).
      if (r.actor.bodyId !== null) throw forbidden('other_body', '备份由系统管理员查看 / for the deployment\'s administrator');
      const [last] = await ctx.db.select().from(backups).orderBy(desc(backups.id)).limit(1);
      const days = last ? Math.floor((Date.now() - Date.parse(iso(last.at))) / 86_400_000) : null;
      return {
        last: last ? { at: iso(last.at), file: last.file, bytes: last.bytes, release: last.release, migration: last.migration, encrypted: last.encrypted } : null,
        days, overdue: days === null || days >= backupOverdueDays, overdueAfterDays: backupOverdueDays,
      };
    },
  }),
];
