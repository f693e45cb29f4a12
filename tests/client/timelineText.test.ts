import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../shared/portal-timeline';
import { timelineText, type TimelineItem } from '../../client/src/pages/public/timelineText';
import { departments, milestones, timelineInput } from '../shared/timeline-input';

// All translation files merged per language, as client/src/i18n/index.ts does (it needs Vite's glob, so not imported).
const dir = new URL('../../client/src/i18n', import.meta.url).pathname;
const merged = (suffix: string) => Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith(`${suffix}.json`)).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)) as Record<string, unknown>;

let zhT: TFunction;
let enT: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: merged('zh-CN') }, en: { translation: merged('en') } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
  zhT = i.getFixedT('zh-CN');
  enT = i.getFixedT('en');
});

const han = /\p{Script=Han}/u;
// User-written names are data, shown as written in every language; take them out before looking for Chinese.
const withoutNames = (s: string) => [...departments, ...milestones].reduce((x, n) => x.split(n).join(''), s);

describe('public timeline in the reader\'s language', () => {
  it('reads in Chinese exactly as the server\'s text, and in English with no Chinese but the names', () => {
    fc.assert(fc.property(timelineInput, (input) => {
      for (const e of buildTimeline(input)) {
        expect(timelineText(e, zhT)).toBe(e.text);
        const en = timelineText(e, enT);
        expect(withoutNames(en)).not.toMatch(han);
        expect(en).not.toContain('portal.'); // a missing key comes back as the key
      }
    }));
  });

  it('writes the values and English plurals', () => {
    const [suggested, voted, progress, graded, carried] = buildTimeline({
      suggestions: { at: '2026-09-01', count: 1, supporters: 7 }, listedAt: null, vote: { at: '2027-01-10', yes: 1, selected: false }, plan: null,
      reports: [{ date: '2027-03-01', percent: 30, milestone: '开工' }], rectifications: [], inspections: [],
      grades: [{ publishedAt: '2027-06-30', round: 'midyear', grade: '基本满意', rate: 0.9 }], carriedOver: { at: '2027-12-31', toYear: 2028 },
    });
    expect(timelineText(suggested, enT)).toBe('Residents made 1 suggestion; 7 people support it');
    expect(timelineText(voted, enT)).toBe('Not chosen in the representatives\' vote, 1 vote in favour');
    expect(timelineText(progress, enT)).toBe('30% done: 开工');
    expect(timelineText(graded, enT)).toBe('Mid-year satisfaction rating: Basically satisfied');
    expect(timelineText(carried, enT)).toBe('Carried over to 2028 for continued supervision');
  });

  it('falls back to the server\'s text for an unknown stage or data without what the sentence needs', () => {
    // (a newer server's stage is not in this client's union: said so here, the one place it is made up)
    const e = (stage: string, data?: TimelineItem['data']): TimelineItem => ({ at: '2027-01-01', stage: stage as TimelineItem['stage'], phase: '点单', text: '原文', ...(data ? { data } : {}) });
    for (const item of [
      e('decorated', { yes: 1 }), // a stage newer than this client
      e('voted'), e('voted', { yes: 3 }), e('voted', { yes: '3', selected: true }),
      e('suggested', { suggestions: 2 }), e('assigned', { department: '教育局' }),
      e('progress', { percent: 40 }), // milestone absent: cannot tell "none" from "not sent"
      e('graded', { round: 'autumn', grade: '满意' }), e('graded', { round: 'yearend', grade: '优秀' }),
      e('carried_over', {}),
    ]) {
      expect(timelineText(item, enT)).toBe('原文');
    }
    // Sentences without values need no data.
    expect(timelineText(e('inspected'), enT)).toBe('Inspected by the representatives\' supervision group');
    expect(timelineText(e('progress', { percent: 40, milestone: null }), enT)).toBe('40% done');
  });
});
