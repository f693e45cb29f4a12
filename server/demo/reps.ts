// The demo county's representatives and residents: phones for the first few representatives (for notices; the
// log sender masks them), a fortnight of duty at two liaison stations around the demo's today, and a few
// suggestions residents sent through 代表码 in the open window, some already answered. The first representative
// (DM000001) has requests waiting under 群众找我.
import type { Tx } from '../db/connect.js';
import { eq } from 'drizzle-orm';
import { members, stationDuty, suggestionEvents, suggestionReplies, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { newTrackingCode } from '../collection/suggestions.js';
import { indexGrams } from '../../shared/similarity.js';
import { addDays, daysFrom } from '../../shared/duty.js';

/** Made-up numbers of the 138 0000 block, never anyone's: the demo's log sender prints them masked anyway. */
export const demoPhone = (i: number) => `1380000${String(i + 1).padStart(4, '0')}`;

const requests: { rep: number; category: string; title: string; area: string; hoursAgo: number; reply?: string; notify?: boolean }[] = [
  { rep: 0, category: '城乡建设', title: '幸福路菜市场门口路灯不亮', area: '城关镇幸福路', hoursAgo: 50, notify: true,
    reply: '已联系县城市管理局，答复本周内修复。修好后我会到现场看一看。' },
  { rep: 0, category: '交通出行', title: '城关小学门口上下学时段缺少交通协管', area: '城关镇', hoursAgo: 26,
    reply: '已向县公安局交警大队反映，下周起早晚高峰安排协管员，我会持续跟进。' },
  { rep: 0, category: '养老服务', title: '青年路社区老年食堂能否增加晚餐', area: '城关镇青年路社区', hoursAgo: 5, notify: true },
  { rep: 0, category: '生态环境', title: '河西桥下河道垃圾多', area: '河西镇', hoursAgo: 2 },
  { rep: 1, category: '医疗卫生', title: '东湖卫生院周末没有儿科', area: '东湖镇', hoursAgo: 30,
    reply: '已与县卫生健康局沟通，正在研究周末儿科轮值，有进展再告诉大家。' },
  { rep: 2, category: '教育', title: '青山乡中心小学缺少午休床位', area: '青山乡', hoursAgo: 12 },
];

export async function seedReps(tx: Tx, bodyId: string, opts: {
  today: string; window: { id: string; year: number }; stations: { id: string }[]; memberIds: string[]; now: Date;
}) {
  const { memberIds } = opts;
  for (let i = 0; i < 5; i++) await tx.update(members).set({ phone: demoPhone(i) }).where(eq(members.id, memberIds[i]));

  // two stations, three days back to ten days on: two representatives a day, the first one every few days
  const days = daysFrom(addDays(opts.today, -3), 14);
  const duty: (typeof stationDuty.$inferInsert)[] = [];
  opts.stations.slice(0, 2).forEach((s, si) => {
    days.forEach((date, di) => {
      const on = [10 + ((di * 2 + si * 7) % 40), 11 + ((di * 2 + si * 7) % 40)];
      if (si === 0 && di % 3 === 0) on[1] = 0;
      for (const m of on) duty.push({ stationId: s.id, date, memberId: memberIds[m] });
    });
  });
  await tx.insert(stationDuty).values(duty);

  for (const r of requests) {
    const id = newId();
    const at = new Date(opts.now.getTime() - r.hoursAgo * 3_600_000).toISOString();
    await tx.insert(suggestions).values({
      id, bodyId, year: opts.window.year, windowId: opts.window.id, trackingCode: newTrackingCode(), title: r.title,
      description: `${r.title}，请代表帮忙反映。`, category: r.category, area: r.area, channel: 'rep_code', repId: memberIds[r.rep],
      contact: r.notify ? `${demoPhone(100 + requests.indexOf(r))}` : null, notify: !!r.notify, status: 'received',
      grams: indexGrams({ title: r.title }), createdAt: at, updatedAt: at,
    });
    await tx.insert(suggestionEvents).values({ suggestionId: id, status: 'received', at, note: null });
    if (r.reply) {
      const repliedAt = new Date(Date.parse(at) + 3 * 3_600_000).toISOString();
      await tx.insert(suggestionReplies).values({ id: newId(), suggestionId: id, memberId: memberIds[r.rep], text: r.reply, at: repliedAt });
    }
  }
  return { duty: duty.length, requests: requests.length };
}
