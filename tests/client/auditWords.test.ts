// The trail in words (client/src/pages/audit/auditWords.ts): every action of shared/audit.ts has its sentence
// in both languages, a sentence never shows an action key or an id, and the console folds a minute's check-ins.
import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../client/src/format';
import { auditWords, type TrailEntry } from '../../client/src/pages/audit/auditWords';
import { auditActions, auditStages, subjectKinds, type AuditAction, type AuditStage } from '../../shared/audit';
import { catalogueFile, translators } from '../helpers/translators';

type Tree = { [k: string]: string | Tree };
const own = (lang: string) => catalogueFile(`audit.${lang}.json`).audit as Tree;
const at = (tree: Tree, path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Tree)[k] : undefined), tree);

const { zhT, enT } = await translators();
const zf = makeFormatters('zh-CN');
const ef = makeFormatters('en');

const ID = 'k3v9x0p2q7m4z8rt'; // as server/db/ids.ts makes them: 16 of 0-9a-z
const OTHER = 'b2c4d6f8h0j2k4m6';
const entry = (action: string, label: string | null, detail: Record<string, unknown> | null = null, over: Partial<TrailEntry> = {}): TrailEntry => ({
  id: 1, at: '2027-01-15T01:14:05Z', actor: { kind: 'user', name: 'clerk' }, stage: (auditActions as Record<string, AuditStage>)[action] ?? null, action,
  subject: { kind: subjectKindOf(action), id: ID, label }, detail, sessionId: null, ...over,
});
function subjectKindOf(action: string) {
  const head = action.split('.')[0];
  return head === 'members' || head === 'attendance' ? 'member' : head === 'collection' ? (action.includes('station') ? 'station' : 'window') : head === 'screen' ? 'session'
    : (subjectKinds as readonly string[]).includes(head) ? (head as never) : null;
}

/** What each command of server/*\/ writes into `detail` (its `audit:`), ids included where it writes them. */
const details: Partial<Record<AuditAction, Record<string, unknown>>> = {
  'body.created': { level: 'county', parentId: OTHER }, 'user.created': { role: 'department', department: '县教育局' },
  'member.added': { delegation: '城关代表团', kind: 'rep' }, 'members.added': { delegation: '城关代表团', kind: 'committee' },
  'collection.window_created': { year: 2028, opensAt: '2027-03-01T00:00:00Z', closesAt: '2027-04-30T00:00:00Z' }, 'collection.station_created': { address: '城关镇人民路 1 号' },
  'suggestion.received': { year: 2028, channel: 'station', category: '教育' }, 'suggestion.merged': { into: '增加城区幼儿园学位', intoId: OTHER, supporters: 12 },
  'suggestion.not_adopted': { reason: '不属于民生实事范围' }, 'suggestion.referred': { reason: '转县交通运输局办理' },
  'suggestion.adopted': { projectId: OTHER }, 'suggestion.released': { projectId: OTHER },
  'project.created': { year: 2027, suggestions: 3 }, 'project.updated': { fields: ['title', 'investment'] },
  'project.assessed': { feasible: true, investment: 4200, completionDate: '2027-12-31' }, 'project.screened': { exclusions: { notWithinYear: false, debtRisk: true } },
  'candidate_list.created': { year: 2027, seats: 10, projects: 12 }, 'candidate_list.approved': { meeting: '县人大常委会第二十二次会议', approvedAt: '2026-12-20', projects: 12, seats: 10 },
  'session.created': { name: 'x', kind: 'congress', rosterSize: 300, quorum: { num: 2, den: 3, strict: false } },
  'attendance.set': { present: false, note: '出差' },
  'ballot.created': { title: 't', kind: 'selection', seats: 10, form: 'per_candidate', options: [ID, OTHER], runoffOf: null },
  'ballot.runoff_created': { title: 't', kind: 'selection', seats: 1, form: 'per_candidate', options: [ID, OTHER], runoffOf: OTHER },
  'ballot.opened': { eligible: 300, present: 290 }, 'ballot.closed': { cast: 288, base: 300, eligible: 300 }, 'ballot.cancelled': { reason: '议程调整', wasOpen: false },
  'project.planned': { milestones: 4, completionDate: '2027-11-30' }, 'project.progress': { percent: 60, date: '2027-06-30', milestone: '主体完工' },
  'project.rectification': { date: '2027-08-01' }, 'project.carried_over': { fromYear: 2026, toYear: 2027 },
  'file.uploaded': { mime: 'image/jpeg', width: 1600, height: 1200, size: 204800 },
  'project.supervisors': { members: 5, lead: OTHER }, 'project.inspected': { date: '2027-05-20' },
  'project.graded': { ballotId: OTHER, round: 'midyear', grade: '基本满意' }, 'rating.received': { projectId: OTHER, grade: 'satisfied', comment: true },
  'rating.moderated': { projectId: OTHER, visible: false }, 'notice.published': { number: '第 3 号', ballotId: OTHER },
  'station.duty_set': { days: ['2027-08-16', '2027-08-15', '2027-08-22'], members: 4 },
  'hearing.added': { kind: 'duty_report', reporter: '王代表', ballotId: OTHER, document: true },
  'hearing.updated': { kind: 'special_report', reporter: '县教育局局长', ballotId: null, document: false },
};

const dottedKey = /\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b/;
const anId = /(?<![0-9a-z])(?=[0-9a-z]*[0-9])[0-9a-z]{16}(?![0-9a-z])/;
function clean(text: string, what: string) {
  expect(text, what).not.toMatch(dottedKey);
  expect(text, what).not.toMatch(anId);
  expect(text, what).not.toMatch(/\{\{|undefined|null|\[object/);
}

describe('every action of the trail has words', () => {
  const actions = Object.keys(auditActions) as AuditAction[];

  it('a sentence, the stage names, the subject kinds and the actor kinds in both languages', () => {
    for (const lang of ['zh-CN', 'en']) {
      const a = own(lang);
      for (const name of actions) expect(at(a, ['action', ...name.split('.')]), `${lang} ${name}`).toEqual(expect.any(String));
      for (const s of auditStages) expect(at(a, ['stage', s]), `${lang} stage ${s}`).toEqual(expect.any(String));
      for (const k of subjectKinds) {
        expect(at(a, ['kind', k]), `${lang} kind ${k}`).toEqual(expect.any(String));
        expect(at(a, ['some', k]), `${lang} some ${k}`).toEqual(expect.any(String));
      }
      for (const k of ['user', 'member', 'public', 'system']) expect(at(a, ['actorKind', k]), `${lang} actor ${k}`).toEqual(expect.any(String));
    }
    expect(at(own('zh-CN'), ['actorKind', 'public'])).toBe('群众');
    expect(at(own('en'), ['actorKind', 'public'])).toBe('Resident');
    expect(at(own('zh-CN'), ['actorKind', 'system'])).toBe('系统');
  });

  it('no sentence or fact shows an action key or an id, with a label, without one, with or without its detail', () => {
    for (const name of actions) {
      for (const [t, f] of [[zhT, zf], [enT, ef]] as const) {
        for (const e of [entry(name, '城区新增公办幼儿园学位 600 个', details[name] ?? null), entry(name, null, details[name] ?? null), entry(name, null, null)]) {
          const w = auditWords(t, f, e);
          clean(w.sentence, `${name}: ${w.sentence}`);
          for (const fact of w.facts) clean(`${fact.label ?? ''} ${fact.value}`, `${name} fact: ${fact.label} ${fact.value}`);
          expect(w.sentence.length, name).toBeGreaterThan(1);
        }
      }
    }
  });

  it('says it as a person would', () => {
    const zh = (e: TrailEntry) => auditWords(zhT, zf, e);
    const en = (e: TrailEntry) => auditWords(enT, ef, e);
    const merged = entry('suggestion.merged', '幼儿园太少', details['suggestion.merged']!);
    expect(zh(merged).sentence).toBe('合并建议「幼儿园太少」到「增加城区幼儿园学位」');
    expect(en(merged).sentence).toBe('Merged suggestion “幼儿园太少” into “增加城区幼儿园学位”');
    expect(zh(entry('ballot.published', '2027年民生实事项目票决')).sentence).toBe('公布表决「2027年民生实事项目票决」的结果');
    expect(zh(entry('member.checked_in', '张三')).sentence).toBe('代表张三签到');
    expect(en(entry('member.checked_in', '张三')).sentence).toBe('Member 张三 checked in');
    expect(zh(entry('attendance.set', '张三', { present: false, note: '请假' })).sentence).toBe('将代表张三标记为请假');
    expect(zh(entry('candidate_list.approved', '2027')).sentence).toBe('通过候选名单（2027 年度）');
    expect(en(entry('rating.received', '城区排水防涝设施改造')).sentence).toBe('Received a rating of “城区排水防涝设施改造”');
    const assessed = zh(entry('project.assessed', '城区排水防涝设施改造', details['project.assessed']!));
    expect(assessed.sentence).toBe('评估项目「城区排水防涝设施改造」');
    expect(assessed.facts.map((f) => (f.label ? `${f.label} ${f.value}` : f.value))).toEqual(['可行', '投资 4,200 万元', '计划完成 2027年12月31日']);
    expect(en(entry('project.assessed', 'x', details['project.assessed']!)).facts.map((f) => f.value)).toContain('CN¥42,000,000');
    const duty = entry('station.duty_set', '城关镇代表联络站', details['station.duty_set']!);
    expect(zh(duty).sentence).toBe('设置联络站「城关镇代表联络站」的值班排班');
    expect(zh(duty).facts.map((f) => `${f.label} ${f.value}`)).toEqual(['日期 2027年8月15日 – 2027年8月22日 · 3 项', '值班代表 4 人']);
    expect(en(entry('suggestion.replied', '路灯不亮')).sentence).toBe('Answered suggestion “路灯不亮” (代表回复)');
    // no label: the kind names the thing; an earlier release's detail still says its name
    expect(zh(entry('project.created', null)).sentence).toBe('新建项目');
    expect(en(entry('ballot.opened', null)).sentence).toBe('Opened a ballot');
    expect(zh(entry('body.created', null, { name: '清河县人民代表大会' })).sentence).toBe('新建人大机构「清河县人民代表大会」');
    // an earlier release's one entry for several
    expect(zh(entry('members.added', null, { count: 12 }, { subject: { kind: 'body', id: ID, label: null } })).sentence).toBe('添加 12 名代表');
    expect(en(entry('suggestion.merged', '增加学位', { sources: [ID, OTHER], supporters: 3 })).sentence).toBe('Merged 2 suggestions into suggestion “增加学位”');
  });

  it('an action of a later release: its stage and subject, never its key', () => {
    const later = entry('task.escalated', '督办事项', { count: 3, secret: ID }, { stage: 'notification', subject: { kind: 'task', id: ID, label: '督办事项' } });
    expect(auditWords(zhT, zf, later).sentence).toBe('通知 · 任务「督办事项」');
    expect(auditWords(enT, ef, later).sentence).toBe('Notification · task “督办事项”');
    expect(auditWords(zhT, zf, later).facts).toEqual([{ label: '数量', value: '3' }]);
    const unknown = entry('thing.happened', null, null, { stage: null, subject: { kind: null, id: ID, label: null } });
    expect(auditWords(zhT, zf, unknown).sentence).toBe('其他 · 对象');
    expect(auditWords(enT, ef, unknown).sentence).toBe('Other · an item');
  });

  it('names the actor by kind: a resident, the system, staff with their role', () => {
    const by = (actor: TrailEntry['actor'], t = zhT) => auditWords(t, zf, entry('suggestion.received', 'x', null, { actor })).actor;
    expect(by({ kind: 'public' })).toEqual({ text: '群众' });
    expect(by({ kind: 'public' }, enT)).toEqual({ text: 'Resident' });
    expect(by({ kind: 'system' })).toEqual({ text: '系统' });
    expect(by({ kind: 'user', name: 'alice', role: 'presider' })).toEqual({ text: 'alice', sub: '主持人' });
    expect(by({ kind: 'user', name: 'root', role: 'admin' }, enT)).toEqual({ text: 'root', sub: 'Administrator' });
    expect(by({ kind: 'user', name: 'clerk' })).toEqual({ text: 'clerk', sub: '工作人员' });
    expect(by({ kind: 'member' })).toEqual({ text: '代表' });
    expect(by({ kind: 'system', screen: true })).toEqual({ text: '大屏幕' });
  });
});
