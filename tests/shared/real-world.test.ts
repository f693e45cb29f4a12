// Worked examples from published outcomes. Each block cites where the counts were read; only the
// counts printed there are used. Where a notice does not print a number our functions need (most
// often the roster size that serves as the base), the test says so and uses the smallest base the
// notice allows (the number of ballots it reports), and states how far the outcome holds.

import { describe, expect, it } from 'vitest';
import type { BallotDefinition } from '../../shared/ballot-definition.js';
import { computeResult, gradeProject, selectWinners, tallyChoices } from '../../shared/counting/index.js';
import type { Choices, SatisfactionChoice } from '../../shared/types.js';

/** Per-member ballots that reproduce the published per-project counts (any such assignment gives the same tally). */
function satisfactionBallots(rows: { id: string; s: number; b: number; u: number }[], cast: number): Choices[] {
  return Array.from({ length: cast }, (_, member) =>
    Object.fromEntries(
      rows.map((r): [string, SatisfactionChoice] => [r.id, member < r.s ? 'satisfied' : member < r.s + r.b ? 'basic' : 'unsatisfied']),
    ),
  );
}

describe('镇海区人大常委会 2021年区政府民生实事项目完成情况满意度测评 (2022-01-21)', () => {
  // Source: https://www.zh.gov.cn/art/2022/11/25/art_1229694683_59140937.html
  // 区人大常委会第三十九次会议, 无记名投票; "测评结果均为满意"; 实到常委会组成人员29人.
  // Its rule is the rule of record in PROCESS.md ("满意票达到全体组成人员半数以上的,为测评满意 …
  // 满意票加基本满意票不足半数的(含半数),为测评不满意"). Blank cells in the table are 0.
  // The notice does not print the number of members (组成人员), only the 29 present; since the
  // roster is at least 29, base 29 is used, and the tests below show the outcome holds for any
  // roster up to 33 (at 34 the two projects with 17 满意 would have been 基本满意).
  const rows = [
    { id: 'z1', title: '教育惠民补短强基', s: 28, b: 1, u: 0 },
    { id: 'z2', title: '公共卫生服务能力提升', s: 20, b: 8, u: 1 },
    { id: 'z3', title: '老旧小区改造', s: 26, b: 3, u: 0 },
    { id: 'z4', title: '食品安全供应保障', s: 29, b: 0, u: 0 },
    { id: 'z5', title: '老年护理照料中心建设', s: 17, b: 11, u: 1 },
    { id: 'z6', title: '交通治堵工程', s: 26, b: 3, u: 0 },
    { id: 'z7', title: '隧道口停车场新建工程', s: 17, b: 11, u: 1 },
    { id: 'z8', title: '住房保障行动', s: 28, b: 1, u: 0 },
  ];
  const present = 29;

  it('every project has 29 ballots, matching the members present', () => {
    for (const r of rows) expect(r.s + r.b + r.u).toBe(present);
  });

  it('reproduces the official outcome: all eight projects 满意', () => {
    for (const r of rows) expect(gradeProject({ satisfied: r.s, basic: r.b, unsatisfied: r.u }, present).grade).toBe('满意');
  });

  it('reproduces it through the whole pipeline (ballots → tally → result)', () => {
    const def: BallotDefinition = { kind: 'satisfaction', options: rows.map((r) => ({ id: r.id, title: r.title })) };
    const result = computeResult(def, tallyChoices(def, satisfactionBallots(rows, present)), {
      ballotId: 'zhenhai-2022-01-21', base: present, baseRule: 'present', eligible: present, cast: present,
    });
    if (result.kind !== 'satisfaction') throw new Error('kind');
    expect(result.options.map((o) => o.grade)).toEqual(Array(8).fill('满意'));
    expect(result.options.map((o) => [o.satisfied, o.basic, o.unsatisfied])).toEqual(rows.map((r) => [r.s, r.b, r.u]));
    expect(result.options[1].rate).toBeCloseTo(28 / 29, 12); // 公共卫生: one 不满意
    expect(result.options[3].rate).toBe(1);
  });

  it('the outcome holds for any roster of 29..33 and not beyond', () => {
    const weakest = { satisfied: 17, basic: 11, unsatisfied: 1 };
    for (let roster = 29; roster <= 33; roster++) expect(gradeProject(weakest, roster).grade).toBe('满意');
    expect(gradeProject(weakest, 34).grade).toBe('基本满意');
  });
});

describe('宁国市十七届人大四次会议 2024年度民生实事满意度测评', () => {
  // Source: http://www.ahxcrd.gov.cn/News/show/1622349.html
  // "四好农村路建设项目获得满意票182票,基本满意票10票,不满意票1票;背街小巷整治改造项目获得满意票185票,
  //  基本满意票8票,不满意票没有 …… 2024年度十项代表票决民生实事全部获得满意等次".
  // Only these two projects' counts are printed, and not the number of representatives; both
  // add up to 193 ballots, used as the smallest possible base.
  const cast = 193;
  const projects = [
    { title: '四好农村路建设', satisfied: 182, basic: 10, unsatisfied: 1 },
    { title: '背街小巷整治改造', satisfied: 185, basic: 8, unsatisfied: 0 },
  ];

  it('the two printed projects add up to the same number of ballots', () => {
    for (const p of projects) expect(p.satisfied + p.basic + p.unsatisfied).toBe(cast);
  });

  it('reproduces the official grade 满意 for both', () => {
    for (const p of projects) expect(gradeProject(p, cast).grade).toBe('满意');
  });

  it('满意率 of 四好农村路 is 192/193', () => {
    expect(gradeProject(projects[0], cast).rate).toBeCloseTo(192 / 193, 12);
  });
});

describe('东阳市十五届人大一次会议 2017年政府十大民生实事票决 (2017-02-18)', () => {
  // Source: 《中国人大》2017年第8期 p.51, abstract at http://218.28.6.71:81/Qikan/Article/Detail?id=672191164
  // "大力整治危旧房项目,赞成票281票、反对票1票;推行普惠医疗制度项目,赞成票276票、反对票6票 …… 确定2017年政府十大民生实事".
  // Only two of the candidates' counts are quoted, without 弃权 or the roster size, so this checks
  // just that both pass and are chosen when they are the candidates compared; abstentions are not
  // published and do not enter the rule. Base: 282, the fewest ballots the quoted counts allow.
  it('both quoted projects pass "more than half" and are selected', () => {
    const out = selectWinners({
      seats: 2,
      base: 282,
      options: [
        { id: 'd1', title: '大力整治危旧房', yes: 281, no: 1, abstain: 0 },
        { id: 'd2', title: '推行普惠医疗制度', yes: 276, no: 6, abstain: 0 },
      ],
    });
    expect(out.options.map((o) => o.passed)).toEqual([true, true]);
    expect(out.selected).toEqual(['d1', 'd2']);
  });
});
