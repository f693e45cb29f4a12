import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { planInput } from '../../shared/implementation-schemas';
import { fieldMessage } from '../../client/src/forms/messages';
import { milestoneText, placePlanIssue, planFormSchema, planFormValues, readLines, readMilestone } from '../../client/src/pages/department/planLines';

// All translation files merged per language, as client/src/i18n/index.ts does (it needs Vite's glob, so not imported).
const dir = new URL('../../client/src/i18n', import.meta.url).pathname;
const merged = (suffix: string) => Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith(`${suffix}.json`)).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)) as Record<string, unknown>;

let zh: (m: string | undefined) => string;
let en: (m: string | undefined) => string;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: merged('zh-CN') }, en: { translation: merged('en') } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
  const zhT: TFunction = i.getFixedT('zh-CN');
  const enT: TFunction = i.getFixedT('en');
  zh = (m) => fieldMessage(zhT, 'zh-CN', m);
  en = (m) => fieldMessage(enT, 'en', m);
});

const base = { targetsText: '', milestonesText: '', funding: '县级财政 680 万元', completionDate: '2027-12-31' };
/** The messages the form would show, by field. */
function problems(values: Partial<typeof base>) {
  const r = planFormSchema.safeParse({ ...base, ...values });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('plan form lines', () => {
  it('reads what an officer types into the shape the server takes', () => {
    const r = planFormSchema.parse({ ...base, targetsText: ' 建成过街天桥 1 座 \n\n新增车位 20 个', milestonesText: '开工 2099-03-31\n\n 主体 完工\u30002099-10-31 ' });
    expect(r).toEqual({ targets: ['建成过街天桥 1 座', '新增车位 20 个'], milestones: [{ title: '开工', due: '2099-03-31' }, { title: '主体 完工', due: '2099-10-31' }], funding: base.funding, completionDate: base.completionDate });
    expect(planInput.safeParse(r).success).toBe(true);
  });

  it('takes an emptied textarea (null from the field) as no lines', () => {
    expect(planFormSchema.parse({ ...base, targetsText: null, milestonesText: null })).toMatchObject({ targets: [], milestones: [] });
  });

  it('a saved plan shown in the form reads back as the same plan', () => {
    const title = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s !== '' && !s.includes('\u0000'));
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const plan = fc.record({
      targets: fc.array(title, { maxLength: 5 }),
      milestones: fc.uniqueArray(fc.record({ title, due: day }), { maxLength: 5, selector: (m) => m.title }),
      funding: title, completionDate: day,
    });
    fc.assert(fc.property(plan, (p) => { expect(planFormSchema.parse(planFormValues(p, 2027))).toEqual(p); }));
  });

  it('says which line cannot be read, in both languages', () => {
    expect(readMilestone('开工')).toBeNull();
    expect(readMilestone('开工 2027/03/31')).toBeNull();
    expect(readMilestone('开工2027-03-31')).toBeNull();
    const m = problems({ milestonesText: '开工 2027-03-31\n\n竣工' }).milestonesText;
    expect(zh(m)).toMatch(/^第 3 行读不出来：.*开工 2027-03-31$/);
    expect(en(m)).toMatch(/^Line 3 cannot be read: .*2027-03-31$/);
  });

  it('puts the shared schema\'s refusals on their lines', () => {
    expect(zh(problems({ milestonesText: '开工 2027-03-31\n竣工 2027-02-30' }).milestonesText)).toBe('第 2 行：日期不存在');
    expect(en(problems({ targetsText: `a\n\n${'长'.repeat(201)}` }).targetsText)).toBe('Line 3: At most 200 characters');
    expect(en(problems({ milestonesText: '开工 2027-03-31\n开工 2027-05-31' }).milestonesText)).toBe('milestone titles must differ');
    expect(zh(problems({ targetsText: Array.from({ length: 51 }, (_, i) => `目标 ${i}`).join('\n') }).targetsText)).toBe('最多 50 项');
    expect(zh(problems({ funding: '' }).funding)).toBe('必填');
  });

  it('places a server\'s 422 on the line the value came from', () => {
    const values = { ...base, milestonesText: '\n开工 2027-03-31\n竣工 2027-09-30' };
    const placed = placePlanIssue({ field: 'milestones.1.due', message: '日期不存在 / no such date' }, values);
    expect(placed.field).toBe('milestonesText');
    expect(zh(placed.message)).toBe('第 3 行：日期不存在');
    expect(placePlanIssue({ field: 'funding', message: 'x' }, values)).toEqual({ field: 'funding', message: 'x' });
    expect(readLines('a\n \nb').map((l) => l.line)).toEqual([1, 3]);
    expect(milestoneText({ title: '开工', due: '2027-03-31' })).toBe('开工 2027-03-31');
  });
});
