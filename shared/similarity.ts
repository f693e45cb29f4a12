// Likely-duplicate ranking for suggestions written in Chinese. Chinese has no spaces, so text is compared
// by character bigrams within runs of text (PROCESS.md "Duplicate suggestions"); words that every
// suggestion uses ("建议", "希望", "解决") split runs instead of joining unrelated characters, and common
// synonyms are folded first, so "红绿灯" and "信号灯", "交叉口" and "路口" meet.

/** Folded before anything else: the first of each pair is replaced by the second. Longest first. */
const synonyms: [string, string][] = [
  ['十字路口', '路口'], ['交叉路口', '路口'], ['交叉口', '路口'], ['交通信号灯', '信号灯'], ['红绿灯', '信号灯'],
  ['公交车站', '公交站'], ['公交站台', '公交站'], ['公交站点', '公交站'], ['公共汽车', '公交'], ['公交车', '公交'], ['巴士', '公交'],
  ['幼儿园', '幼儿园'], ['托儿所', '幼儿园'], ['小学校', '小学'], ['学校门口', '校门口'], ['学校大门', '校门口'],
  ['卫生服务中心', '卫生院'], ['社区医院', '卫生院'], ['诊所', '卫生院'], ['卫生室', '卫生院'],
  ['老年人', '老人'], ['老年', '老人'], ['长者', '老人'], ['养老院', '养老'], ['敬老院', '养老'], ['日间照料', '养老'],
  ['排水管', '排水'], ['下水道', '排水'], ['雨水管网', '排水'], ['积水', '内涝'], ['水浸', '内涝'], ['淹水', '内涝'],
  ['路灯', '照明'], ['灯光', '照明'], ['太暗', '照明'], ['黑灯瞎火', '照明'],
  ['菜市场', '农贸市场'], ['菜场', '农贸市场'], ['集贸市场', '农贸市场'],
  ['停车位', '车位'], ['停车场', '车位'], ['停车难', '车位'],
  ['垃圾桶', '垃圾'], ['垃圾箱', '垃圾'], ['垃圾站', '垃圾'],
  ['自来水', '供水'], ['饮用水', '供水'], ['水压低', '供水'], ['停水', '供水'],
  ['坑洼', '破损'], ['坑坑洼洼', '破损'], ['路面破', '破损'], ['烂路', '破损'],
  ['健身器材', '健身'], ['运动场', '健身'], ['体育场', '健身'],
  ['公厕', '厕所'], ['公共厕所', '厕所'], ['卫生间', '厕所'],
  ['加装电梯', '电梯'], ['安装电梯', '电梯'],
];

/** Words that carry no request of their own; they end a run of text like punctuation does. */
const fillers = [
  '建议', '希望', '请求', '恳请', '强烈', '呼吁', '能否', '能不能', '可否', '是否', '尽快', '早日', '抓紧', '问题', '情况', '相关部门', '有关部门',
  '政府', '领导', '我们', '我家', '这里', '那里', '附近', '周边', '一带', '一下', '进行', '解决', '处理', '改善', '居民', '群众', '百姓', '市民',
  '村民', '大家', '非常', '特别', '十分', '很多', '经常', '一直', '现在', '目前', '已经', '还是', '没有', '存在', '反映', '关于', '的', '了', '和',
  '与', '及', '在', '有', '很', '太', '都', '也', '就', '给', '把', '让', '对', '为', '是', '个', '些',
];

const fillerPattern = new RegExp(fillers.sort((a, b) => b.length - a.length).join('|'), 'g');
const nonText = /[^\p{Script=Han}\p{L}\p{N}]+/gu;

/** Text folded for comparison: compatibility forms (full-width), case, synonyms; runs split at fillers and punctuation. */
export function textRuns(text: string): string[] {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [from, to] of synonyms) if (s.includes(from)) s = s.split(from).join(to);
  return s.replace(fillerPattern, ' ').replace(nonText, ' ').split(' ').filter((run) => run.length > 0);
}

/** The set of character bigrams of a text (a run of one character counts as itself). */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of textRuns(text)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Overlap of two gram sets, 0..1: |A∩B| / sqrt(|A|·|B|) (1 for equal non-empty sets, 0 if either is empty). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return common / Math.sqrt(a.size * b.size);
}

export interface SuggestionText { title: string; description?: string | null; area?: string | null }

export interface SuggestionGrams { title: Set<string>; all: Set<string> }

export function suggestionGrams(s: SuggestionText): SuggestionGrams {
  const title = bigrams(`${s.title} ${s.area ?? ''}`);
  const all = bigrams(`${s.title} ${s.area ?? ''} ${s.description ?? ''}`);
  return { title, all };
}

/**
 * How likely two suggestions ask for the same thing, 0..1. The title (with the place) says what is asked
 * and weighs most; the description adds the details two residents may share in other words.
 */
export function suggestionSimilarity(a: SuggestionGrams, b: SuggestionGrams): number {
  const score = 0.6 * overlap(a.title, b.title) + 0.4 * overlap(a.all, b.all);
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

/** The grams stored with a suggestion to find candidates by index (`grams && query`): sorted, de-duplicated. */
export function indexGrams(s: SuggestionText): string[] {
  return [...suggestionGrams(s).all].sort();
}

/** Ranks candidates by similarity to `target`, best first, keeping those at or above `min`. */
export function rankSimilar<T extends SuggestionText>(target: SuggestionText, candidates: T[], limit: number, min = 0.1): (T & { score: number })[] {
  return rankByGrams(suggestionGrams(target), candidates.map((c) => ({ ...c, grams: suggestionGrams(c) })), limit, min);
}

/** The same, for candidates whose grams are already known (an index keeps them). */
export function rankByGrams<T extends { grams: SuggestionGrams }>(t: SuggestionGrams, candidates: T[], limit: number, min = 0.1): (T & { score: number })[] {
  return candidates
    .map((c) => ({ ...c, score: suggestionSimilarity(t, c.grams) }))
    .filter((c) => c.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}

/**
 * A likely duplicate at or above this score is shown to staff as one (the inbox's 可能重复); those below are
 * folded under "还有 N 条相似度较低". Chosen on the labelled set (tests/fixtures/suggestions-labelled.ts): of
 * each suggestion's ten best matches, those ≥ 0.35 are true duplicates about two times in three, those in
 * 0.10–0.35 about one time in nine; 0.25 would let as much noise through as it keeps duplicates.
 */
export const strongDuplicateScore = 0.35;

/** Splits ranked matches into the strong ones (shown) and the weak ones (folded), each keeping its order. */
export function byStrength<T extends { score: number }>(ranked: readonly T[]): { strong: T[]; weak: T[] } {
  return { strong: ranked.filter((r) => r.score >= strongDuplicateScore), weak: ranked.filter((r) => r.score < strongDuplicateScore) };
}
