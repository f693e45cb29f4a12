import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zh from '../../client/src/i18n/zh-CN.json';
import en from '../../client/src/i18n/en.json';
import { makeFormatters } from '../../client/src/format';
import { actorShown, detailFacts, subjectShown, type Fact, type Names } from '../../client/src/pages/console/auditText';
import type { AuditEntry } from '../../client/src/api';

const names: Names = {
  members: new Map([['m1', { memberId: 'm1', name: '张三', delegation: '城关代表团', kind: 'congress' as never, present: true, note: null }]]),
  ballots: new Map([['b1', '2027年民生实事项目票决']]),
  sessionId: 's1',
  sessionName: '第三次会议',
};
const entry = (action: string, subject: string | null, detail: unknown = null, actor = 'presider:alice'): AuditEntry => ({ at: '2026-11-23T08:00:00Z', actor, action, subject, detail });
const line = (facts: Fact[]) => facts.map((f) => (f.label ? `${f.label} ${f.value}` : f.value)).join(' · ');

let zhT: TFunction;
let enT: TFunction;
beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: zh }, en: { translation: en } }, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
  zhT = i.getFixedT('zh-CN');
  enT = i.getFixedT('en');
});

describe('audit log in words', () => {
  it('names the actor and the subject instead of ids', () => {
    expect(actorShown(zhT, names, 'presider:alice')).toMatchObject({ text: 'alice', sub: '主持人' });
    expect(actorShown(enT, names, 'admin:root')).toMatchObject({ text: 'root', sub: 'Administrator' });
    expect(actorShown(zhT, names, 'member:m1')).toMatchObject({ text: '张三' });
    expect(actorShown(zhT, names, 'screen:s1').text).toBe('大屏幕');
    expect(actorShown(zhT, names, 'system').text).toBe('系统');
    // a member the roster does not know: the id, marked as such
    expect(actorShown(zhT, names, 'member:zz')).toMatchObject({ text: 'zz', raw: true });
    expect(subjectShown(zhT, names, entry('member.checked_in', 'm1'))).toMatchObject({ text: '张三' });
    expect(subjectShown(zhT, names, entry('attendance.set', 'm1'))).toMatchObject({ text: '张三' });
    expect(subjectShown(zhT, names, entry('ballot.closed', 'b1'))).toMatchObject({ text: '2027年民生实事项目票决' });
    expect(subjectShown(zhT, names, entry('session.ended', 's1'))).toMatchObject({ text: '第三次会议' });
  });

  it('says what each detail means, in both languages', () => {
    const zf = makeFormatters('zh-CN');
    const ef = makeFormatters('en');
    const closed = entry('ballot.closed', 'b1', { cast: 1234, base: 1300, eligible: 1300 });
    expect(line(detailFacts(zhT, zf, names, closed))).toBe('实投 1,234 · 应投 1,300 · 计票基数 1,300');
    expect(line(detailFacts(enT, ef, names, closed))).toBe('Cast 1,234 · Eligible 1,300 · Base 1,300');
    expect(line(detailFacts(zhT, zf, names, entry('ballot.opened', 'b1', { eligible: 12, present: 11 })))).toBe('应投 12 · 实到 11');
    expect(line(detailFacts(zhT, zf, names, entry('session.created', 's1', { name: 'x', kind: 'congress', rosterSize: 12, quorum: { num: 2, den: 3, strict: false } }))))
      .toBe('类型 人民代表大会会议 · 应到 12 人 · 法定人数 实到不少于应到的 2/3');
    expect(line(detailFacts(enT, ef, names, entry('session.created', 's1', { kind: 'committee', rosterSize: 1, quorum: { num: 1, den: 2, strict: true } }))))
      .toBe('Kind Standing committee meeting · Expected 1 member · Quorum present > 1/2 of expected');
    expect(line(detailFacts(zhT, zf, names, entry('ballot.runoff_created', 'b2', { title: 'r', kind: 'selection', seats: 1, form: 'per_candidate', options: ['a', 'b'], runoffOf: 'b1' }))))
      .toBe('类型 项目票决 · 表决方式 逐项表决（赞成/反对/弃权） · 应选 1 · 候选项目 2 项 · 再次投票对象 2027年民生实事项目票决');
    expect(line(detailFacts(zhT, zf, names, entry('ballot.created', 'b3', { title: 'm', kind: 'motion', seats: null, form: null, options: [], runoffOf: null })))).toBe('类型 议案表决');
    expect(line(detailFacts(zhT, zf, names, entry('ballot.cancelled', 'b1', { reason: '议程调整', wasOpen: true })))).toBe('原因 议程调整 · 投票进行中取消');
  });

  it('attendance: the status, and a leave note only when it says more than the default', () => {
    const zf = makeFormatters('zh-CN');
    const att = (detail: unknown) => line(detailFacts(zhT, zf, names, entry('attendance.set', 'm1', detail)));
    expect(att({ present: true, note: null })).toBe('标记为出席');
    expect(att({ present: false, note: null })).toBe('标记为未到');
    expect(att({ present: false, note: '请假' })).toBe('标记为请假');
    expect(att({ present: false, note: 'On leave' })).toBe('标记为请假');
    expect(att({ present: false, note: '出差' })).toBe('标记为请假 · 说明 出差');
  });

  it('no detail, or an action it does not know', () => {
    const zf = makeFormatters('zh-CN');
    expect(detailFacts(zhT, zf, names, entry('ballot.published', 'b1'))).toEqual([]);
    expect(line(detailFacts(zhT, zf, names, entry('something.new', 'x', { count: 3, tag: 'a' })))).toBe('count 3 · tag a');
  });
});
