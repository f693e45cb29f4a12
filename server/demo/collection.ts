// The demo county's collection: last summer's window with ~300 suggestions (duplicates merged, the
// clusters behind the 12 candidate projects adopted, others 未采纳 or 转交 with reasons), four liaison
// stations, and this year's window open now, so /suggest works right after `npm start`.
import { eq } from 'drizzle-orm';
import type { SuggestionChannel, SuggestionStatus } from '../../shared/collection-schemas.js';
import type { Tx } from '../db/connect.js';
import { collectionWindows, members, stations, suggestionEvents, suggestions, users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { newTrackingCode } from '../collection/suggestions.js';
import { indexGrams } from '../../shared/similarity.js';

const places = ['城关镇', '青山镇', '桃园乡', '城东街道', '河西镇', '李庄乡', '北关街道', '南湖镇'];
export const demoStations = ['城关镇代表联络站', '青山镇代表联络站', '桃园乡代表联络站', '城东街道代表联络站'];

/** Ways residents ask for what each candidate project answers ({p} is a place), in project order. */
const asks: string[][] = [
  ['{p}缺少公办幼儿园，孩子入园难', '建议在{p}新建一所公办幼儿园', '{p}幼儿园学位太紧张，报名要排队'],
  ['{p}卫生院看不了大病，希望能和县医院远程会诊', '建议{p}卫生院开通远程会诊', '{p}群众看病要跑县城，盼望远程医疗'],
  ['{p}老人吃饭难，希望办老年助餐点', '建议在{p}建社区养老服务中心', '{p}独居老人多，缺少居家养老服务'],
  ['{p}老旧小区管网破旧，申请改造', '建议对{p}老小区进行改造提升', '{p}老房子漏水、路面破损，盼望老旧小区改造'],
  ['{p}乡村公路没有护栏，急弯很危险', '建议给{p}农村公路装防护栏', '{p}山路临崖路段缺少安全设施'],
  ['{p}停车难，车都停在人行道上', '建议在{p}建设公共停车场', '{p}停车位严重不足'],
  ['{p}村里污水横流，没有处理设施', '建议{p}建设农村污水处理设施', '{p}生活污水直排河沟，希望治理'],
  ['{p}没有健身场地，老人只能在路边锻炼', '建议在{p}建社区健身广场', '{p}缺少健身器材和运动场地'],
  ['{p}打零工的人没地方找活', '建议在{p}设就业驿站', '{p}缺少零工市场，农民工找工作难'],
  ['{p}菜市场又脏又乱，下雨满地泥', '建议改造{p}农贸市场', '{p}菜场设施陈旧，卫生条件差'],
  ['{p}自来水经常停水、水压低', '建议{p}接入城乡一体化供水', '{p}村里自来水浑浊不敢喝'],
  ['{p}学校门口没有监控，孩子上下学不安全', '建议在{p}学校周边装监控', '{p}校门口治安差，希望加装摄像头'],
];

/** Asked for, but not taken this year: each with the reason shown on its tracking page. */
const declined: [category: string, ask: string, status: 'not_adopted' | 'referred', reason: string][] = [
  ['交通出行', '{p}修建高速公路出口', 'not_adopted', '属于省级交通规划事项，不在县级民生实事范围内'],
  ['城乡建设', '{p}建设大型商业综合体', 'not_adopted', '属于市场化投资项目，不宜列入政府民生实事'],
  ['教育', '{p}中学增加教师编制', 'referred', '已转交县教育局按教师编制管理渠道办理'],
  ['社会保障', '提高{p}低保补助标准', 'referred', '已转交县民政局，按年度低保标准调整程序研究'],
  ['生态环境', '{p}工厂夜间排放异味', 'referred', '已转交县生态环境分局依法查处'],
  ['文化体育', '{p}建设县级大剧院', 'not_adopted', '投资超过年度财力，当年内无法完成'],
];

/** This year's window, just opened: a few suggestions already in. */
const fresh: [string, string][] = [
  ['交通出行', '{p}增开早晚高峰公交班次'], ['养老服务', '{p}建设老年日间照料中心'], ['教育', '{p}小学开展课后延时服务'],
  ['医疗卫生', '{p}卫生院开设夜间门诊'], ['城乡建设', '{p}背街小巷路灯不亮'], ['生态环境', '{p}河道清淤整治'],
];

interface Sent { channel: SuggestionChannel; stationId: string | null; memberId: string | null; userId: string | null; contact: string | null }

export async function seedCollection(tx: Tx, bodyId: string, candidates: { id: string; title: string; category: string }[], now = new Date()) {
  const day = 86_400_000;
  const closed = { id: newId(), bodyId, year: 2027, opensAt: '2026-07-01T00:00:00+08:00', closesAt: '2026-08-31T00:00:00+08:00' };
  const open = { id: newId(), bodyId, year: 2028, opensAt: new Date(now.getTime() - 7 * day).toISOString(), closesAt: new Date(now.getTime() + 60 * day).toISOString() };
  await tx.insert(collectionWindows).values([closed, open]);
  const stationRows = demoStations.map((name, i) => ({ id: newId(), bodyId, name, address: `${places[i]}人民路 ${i + 1} 号` }));
  await tx.insert(stations).values(stationRows);

  const reps = await tx.select({ id: members.id }).from(members).where(eq(members.bodyId, bodyId)).limit(40);
  const depts = await tx.select({ id: users.id }).from(users).where(eq(users.role, 'department'));
  let n = 0;
  // Channels in a realistic mix: most from the web form, then stations, representatives, departments.
  const sender = (): Sent => {
    const k = n++ % 20;
    if (k < 10) return { channel: 'web', stationId: null, memberId: null, userId: null, contact: k % 3 === 0 ? `139${String(10_000_000 + n * 7919).slice(-8)}` : null };
    if (k < 15) return { channel: 'station', stationId: stationRows[k % 4].id, memberId: null, userId: null, contact: null };
    if (k < 18 || !depts.length) return { channel: 'rep', stationId: null, memberId: reps[n % reps.length]?.id ?? null, userId: null, contact: null };
    return { channel: 'department', stationId: null, memberId: null, userId: depts[n % depts.length].id, contact: null };
  };
  const rows: (typeof suggestions.$inferInsert)[] = [];
  const events: (typeof suggestionEvents.$inferInsert)[] = [];
  const add = (window: typeof closed, category: string, title: string, at: number, status: SuggestionStatus = 'received', extra: Partial<typeof suggestions.$inferInsert> = {}) => {
    const id = newId();
    const who = sender();
    const createdAt = new Date(at).toISOString();
    rows.push({
      id, bodyId, year: window.year, windowId: window.id, trackingCode: newTrackingCode(), title, description: `${title}。希望列入民生实事项目。`,
      category, area: places.find((p) => title.includes(p)) ?? null, ...who, status, grams: indexGrams({ title }), createdAt, updatedAt: createdAt, ...extra,
    });
    events.push({ suggestionId: id, status: 'received', at: createdAt, note: null });
    return id;
  };
  const inWindow = (i: number) => Date.parse(closed.opensAt) + ((i * 37) % 60) * day + (i % 9) * 3_600_000;
  const decided = Date.parse(closed.closesAt) + 10 * day;

  // For each candidate project: one suggestion adopted, its duplicates merged into it.
  for (const [pi, p] of candidates.slice(0, asks.length).entries()) {
    const category = p.category;
    const copies = 14 + (pi % 5) * 2;
    const rootId = add(closed, category, asks[pi][0].replace('{p}', places[pi % places.length]), inWindow(pi), 'adopted', { projectId: p.id, supporters: copies + 1 });
    events.push({ suggestionId: rootId, status: 'adopted', at: new Date(decided).toISOString(), note: p.title });
    for (let c = 0; c < copies; c++) {
      const title = asks[pi][(c % 2) + 1].replace('{p}', places[(pi + c) % places.length]);
      const id = add(closed, category, title, inWindow(pi * 31 + c), 'merged', { mergedInto: rootId });
      events.push({ suggestionId: id, status: 'merged', at: new Date(decided - day).toISOString(), note: rows.find((r) => r.id === rootId)!.title });
    }
  }
  for (const [di, [category, ask, status, reason]] of declined.entries()) {
    for (let c = 0; c < 6; c++) {
      const id = add(closed, category, ask.replace('{p}', places[(di + c) % places.length]), inWindow(500 + di * 7 + c), status, { reason });
      events.push({ suggestionId: id, status, at: new Date(decided).toISOString(), note: reason });
    }
  }
  for (let i = 0; rows.length < 300; i++) {
    const [category, ask] = fresh[i % fresh.length];
    add(closed, category, `${ask.replace('{p}', places[i % places.length])}`, inWindow(900 + i));
  }
  for (let i = 0; i < 18; i++) {
    const [category, ask] = fresh[(i * 5) % fresh.length];
    add(open, category, ask.replace('{p}', places[(i * 3) % places.length]), now.getTime() - (i + 1) * 7 * 3_600_000);
  }
  for (let i = 0; i < rows.length; i += 100) await tx.insert(suggestions).values(rows.slice(i, i + 100));
  for (let i = 0; i < events.length; i += 200) await tx.insert(suggestionEvents).values(events.slice(i, i + 200));
  return { windows: [closed, open], stations: stationRows, suggestions: rows.length };
}
