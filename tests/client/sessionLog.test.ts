// The console's session log (client/src/pages/console/sessionLog.ts): older rows named from the roster and the
// session's ballots, newest first, filtered by kind, a minute's check-ins folded into one line; and the facts of
// the vote's actions (the cases of the console's earlier audit test, now through auditWords).
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../client/src/format';
import type { AuditEntry } from '../../client/src/api';
import { auditWords, type Fact } from '../../client/src/pages/audit/auditWords';
import { ballotNames, foldCheckIns, fromSessionEntry, sessionLines, type LogLine, type Names } from '../../client/src/pages/console/sessionLog';
import { translators } from '../helpers/translators';

const { zhT, enT } = await translators();
const zf = makeFormatters('zh-CN');
const ef = makeFormatters('en');

const roster = (id: string, name: string) => [id, { memberId: id, name, delegation: '城关代表团', kind: 'rep' as never, present: true, note: null }] as const;
const names: Names = {
  members: new Map([roster('m1', '张三'), roster('m2', '李四'), roster('m3', '王五')]),
  ballots: new Map([['b1', '2027年民生实事项目票决']]),
  sessionId: 's1',
  sessionName: '第三次会议',
};
const log = (action: string, subject: string, at: string, detail: AuditEntry['detail'] = null, more: Partial<AuditEntry> = {}): AuditEntry =>
  ({ at, actor: 'presider:alice', action, subject, detail, stage: null, subjectKind: null, subjectLabel: null, actorName: null, ...more });
const checkIn = (m: string, at: string, label?: string) => log('member.checked_in', m, at, null, { actor: `member:${m}`, ...(label ? { stage: 'vote', subjectKind: 'member', subjectLabel: label } : {}) });
const words = (t: TFunction, e: AuditEntry, f = zf) => auditWords(t, f, fromSessionEntry(e, names, 0), (id) => names.ballots.get(id) ?? null);
const line = (facts: Fact[]) => facts.map((f) => (f.label ? `${f.label} ${f.value}` : f.value)).join(' · ');
const shape = (lines: LogLine[]) => lines.map((l) => (l.kind === 'entry' ? l.entry.action : `${l.entries.length}×checked_in`));

describe('the session log', () => {
  it('names older rows from the roster and the ballots, and the actor by role', () => {
    expect(words(zhT, log('member.checked_in', 'm1', '2026-11-23T01:14:00Z', null, { actor: 'member:m1' }))).toMatchObject({ sentence: '代表张三签到', actor: { text: '张三', sub: '代表' } });
    expect(words(zhT, log('attendance.set', 'm1', '2026-11-23T01:14:00Z', { present: true, note: null })).sentence).toBe('将代表张三标记为出席');
    expect(words(zhT, log('ballot.closed', 'b1', '2026-11-23T01:14:00Z')).sentence).toBe('结束表决「2027年民生实事项目票决」');
    expect(words(zhT, log('session.ended', 's1', '2026-11-23T01:14:00Z')).sentence).toBe('结束会议「第三次会议」');
    expect(words(zhT, log('screen.token_issued', 's1', '2026-11-23T01:14:00Z')).sentence).toBe('打开会议「第三次会议」的大屏幕');
    expect(words(zhT, log('ballot.opened', 'b1', '2026-11-23T01:14:00Z')).actor).toEqual({ text: 'alice', sub: '主持人' });
    expect(words(enT, log('ballot.opened', 'b1', '2026-11-23T01:14:00Z', null, { actor: 'admin:root' })).actor).toEqual({ text: 'root', sub: 'Administrator' });
    expect(words(zhT, log('session.ended', 's1', '2026-11-23T01:14:00Z', null, { actor: 'system' })).actor).toEqual({ text: '系统' });
    // a member the roster does not know: called a member, never by the id
    const stranger = words(zhT, log('member.checked_in', 'zz7k3v9x0p2q7m4z', '2026-11-23T01:14:00Z', null, { actor: 'member:zz7k3v9x0p2q7m4z' }));
    expect(stranger.sentence).toBe('代表签到');
    expect(stranger.actor).toEqual({ text: '代表' });
    // the label the trail now keeps wins over the roster
    expect(words(zhT, checkIn('m1', '2026-11-23T01:14:00Z', '张三丰')).sentence).toBe('代表张三丰签到');
    // a ballot the log itself created is named by its title
    const created = log('ballot.created', 'b9', '2026-11-23T01:14:00Z', { title: '补选', kind: 'motion', options: [] });
    expect(ballotNames([created], {}).get('b9')).toBe('补选');
  });

  it('says what each detail of the vote means, in both languages', () => {
    const closed = log('ballot.closed', 'b1', '2026-11-23T08:00:00Z', { cast: 1234, base: 1300, eligible: 1300 });
    expect(line(words(zhT, closed).facts)).toBe('实投 1,234 · 应投 1,300 · 计票基数 1,300');
    expect(line(words(enT, closed, ef).facts)).toBe('Cast 1,234 · Eligible 1,300 · Base 1,300');
    expect(line(words(zhT, log('ballot.opened', 'b1', '2026-11-23T08:00:00Z', { eligible: 12, present: 11 })).facts)).toBe('应投 12 · 实到 11');
    expect(line(words(zhT, log('session.created', 's1', '2026-11-23T08:00:00Z', { name: 'x', kind: 'congress', rosterSize: 12, quorum: { num: 2, den: 3, strict: false } })).facts))
      .toBe('类型 人民代表大会会议 · 应到 12 人 · 法定人数 实到不少于应到的 2/3');
    expect(line(words(enT, log('session.created', 's1', '2026-11-23T08:00:00Z', { kind: 'committee', rosterSize: 1, quorum: { num: 1, den: 2, strict: true } }), ef).facts))
      .toBe('Kind Standing committee meeting · Expected 1 member · Quorum present > 1/2 of expected');
    expect(line(words(zhT, log('ballot.runoff_created', 'b2', '2026-11-23T08:00:00Z', { title: 'r', kind: 'selection', seats: 1, form: 'per_candidate', options: ['a', 'b'], runoffOf: 'b1' })).facts))
      .toBe('类型 项目票决 · 表决方式 逐项表决（赞成/反对/弃权） · 应选 1 · 候选项目 2 项 · 再次投票对象 2027年民生实事项目票决');
    expect(line(words(zhT, log('ballot.created', 'b3', '2026-11-23T08:00:00Z', { title: 'm', kind: 'motion', seats: null, form: null, options: [], runoffOf: null })).facts)).toBe('类型 议案表决');
    expect(line(words(zhT, log('ballot.cancelled', 'b1', '2026-11-23T08:00:00Z', { reason: '议程调整', wasOpen: true })).facts)).toBe('原因 议程调整 · 投票进行中取消');
    expect(words(zhT, log('ballot.published', 'b1', '2026-11-23T08:00:00Z')).facts).toEqual([]);
  });

  it('attendance: the status in the sentence, and a leave note only when it says more than the default', () => {
    const att = (detail: AuditEntry['detail']) => {
      const w = words(zhT, log('attendance.set', 'm1', '2026-11-23T08:00:00Z', detail));
      return [w.sentence, line(w.facts)].filter(Boolean).join(' · ');
    };
    expect(att({ present: true, note: null })).toBe('将代表张三标记为出席');
    expect(att({ present: false, note: null })).toBe('将代表张三标记为未到');
    expect(att({ present: false, note: '请假' })).toBe('将代表张三标记为请假');
    expect(att({ present: false, note: 'On leave' })).toBe('将代表张三标记为请假');
    expect(att({ present: false, note: '出差' })).toBe('将代表张三标记为请假 · 说明 出差');
    expect(words(enT, log('attendance.set', 'm1', '2026-11-23T08:00:00Z', { present: false, note: '出差' }), ef).sentence).toBe('Marked member 张三 on leave');
  });
});

describe('check-ins folded', () => {
  const entries = [
    log('session.created', 's1', '2026-11-23T01:00:10Z'),
    checkIn('m1', '2026-11-23T01:14:01Z'),
    checkIn('m2', '2026-11-23T01:14:30Z'),
    checkIn('m3', '2026-11-23T01:14:59Z'),
    checkIn('m4', '2026-11-23T01:15:02Z'), // the next minute, but nothing between: the same line
    log('attendance.set', 'm1', '2026-11-23T01:15:20Z', { present: false, note: '请假' }),
    checkIn('m5', '2026-11-23T01:15:40Z'), // after something else: a new line
    checkIn('m6', '2026-11-23T01:15:50Z'),
    log('ballot.opened', 'b1', '2026-11-23T01:20:00Z'),
  ];

  it('consecutive check-ins are one line however long they took, newest first', () => {
    const lines = sessionLines(entries, names, 'all');
    expect(shape(lines)).toEqual(['ballot.opened', '2×checked_in', 'attendance.set', '4×checked_in', 'session.created']);
    const first = lines[3] as Extract<LogLine, { kind: 'checkIns' }>;
    // m4 (newest) is not on the roster: no name, never an id
    expect(first.entries.map((e) => e.subject.label)).toEqual([null, '王五', '李四', '张三']);
    expect([first.from, first.at]).toEqual(['2026-11-23T01:14:01Z', '2026-11-23T01:15:02Z']);
    expect(zhT('audit.checkIns', { count: first.entries.length, n: '3' })).toBe('3 位代表签到');
    expect(enT('audit.checkIns', { count: 3, n: '3' })).toBe('3 members checked in');
    // keys stay while the log grows at the top
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    const grown = sessionLines([...entries, checkIn('m7', '2026-11-23T01:20:30Z')], names, 'all');
    expect(grown.slice(1).map((l) => l.key)).toEqual(lines.map((l) => l.key));
  });

  it('by kind: 表决, 出席 (check-ins fold across what is filtered out), 其他', () => {
    expect(shape(sessionLines(entries, names, 'vote'))).toEqual(['ballot.opened']);
    expect(shape(sessionLines(entries, names, 'attendance'))).toEqual(['2×checked_in', 'attendance.set', '4×checked_in']);
    expect(shape(sessionLines(entries, names, 'other'))).toEqual(['session.created']);
  });

  it('a lone check-in stays itself; a morning of 221 check-ins over 40 minutes is one line', () => {
    expect(shape(foldCheckIns([fromSessionEntry(checkIn('m1', '2026-11-23T01:14:01Z'), names, 0)]))).toEqual(['member.checked_in']);
    const many = Array.from({ length: 300 }, (_, i) => checkIn(`x${i}`, `2026-11-23T01:14:${String(i % 60).padStart(2, '0')}Z`, `代表${i}`));
    expect(shape(sessionLines(many, names, 'all'))).toEqual(['300×checked_in']);
    const morning = Array.from({ length: 221 }, (_, i) => checkIn(`y${i}`, new Date(Date.parse('2026-11-23T00:31:00Z') + i * 11_000).toISOString(), `代表${i}`));
    const folded = sessionLines([log('session.created', 's1', '2026-11-23T00:30:00Z'), ...morning, log('ballot.opened', 'b1', '2026-11-23T01:20:00Z')], names, 'all');
    expect(shape(folded)).toEqual(['ballot.opened', '221×checked_in', 'session.created']);
  });
});
