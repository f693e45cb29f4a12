// The text of the presidium's notice (公告) made from a published result: pure, shared with the client.
import type { BallotResult } from './types.js';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 21 → 二十一 (enough for any list of projects). */
export function chineseNumber(n: number): string {
  if (n <= 10) return numerals[n - 1] ?? String(n);
  if (n < 20) return `十${numerals[n - 11]}`;
  if (n < 100) return `${numerals[Math.floor(n / 10) - 1]}十${n % 10 ? numerals[(n % 10) - 1] : ''}`;
  return String(n);
}

/** An instant as a date in Asia/Shanghai: 2027年1月15日. */
export function chineseDate(iso: string): string {
  // PostgreSQL writes `2027-01-15 09:30:00.123+00`; ISO 8601 wants the T and a full offset.
  const norm = iso.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const d = new Date(Date.parse(norm) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export interface NoticeSource {
  sessionName: string;
  sessionKind: 'congress' | 'committee';
  ballotTitle: string;
  publishedAt: string;
  number: number;
  result: BallotResult;
}

const issuer = (s: NoticeSource) => (s.sessionKind === 'congress' ? `${s.sessionName}主席团` : `${s.sessionName}`);

export function noticeTitle(s: NoticeSource): string {
  return `${issuer(s)}公告（第${s.number}号）`;
}

function baseText(r: BallotResult): string {
  const who = r.baseRule === 'roster' ? '全体组成人员' : '出席人员';
  return `应参加表决 ${r.eligible} 人，实际投票 ${r.cast} 人，以${who} ${r.base} 人为计票基数`;
}

export function noticeText(s: NoticeSource): string {
  const r = s.result;
  const date = chineseDate(s.publishedAt);
  const lines: string[] = [];
  if (r.kind === 'selection') {
    lines.push(`${s.sessionName}于${date}以无记名投票方式对「${s.ballotTitle}」进行了票决。${baseText(r)}；候选项目 ${r.options.length} 个，应选 ${r.seats} 个。`);
    lines.push(`按照票决办法，赞成票超过计票基数半数的候选项目为通过，通过的项目按赞成票多少确定当选。`);
    const chosen = r.options.filter((o) => o.status === 'selected').sort((a, b) => b.yes - a.yes);
    if (chosen.length) {
      lines.push(`下列 ${chosen.length} 个项目当选：`);
      chosen.forEach((o, i) => lines.push(`${chineseNumber(i + 1)}、${o.title}（赞成 ${o.yes} 票，反对 ${o.no} 票，弃权 ${o.abstain} 票）`));
    } else {
      lines.push('没有候选项目当选。');
    }
    const tied = r.options.filter((o) => o.status === 'tied');
    if (tied.length) lines.push(`${tied.map((o) => `「${o.title}」`).join('、')}赞成票相等（各 ${tied[0].yes} 票），所余名额由再次投票确定。`);
    if (r.shortfall > 0 && !tied.length) lines.push(`当选项目少于应选名额，空缺 ${r.shortfall} 个。`);
  } else if (r.kind === 'satisfaction') {
    lines.push(`${s.sessionName}于${date}以无记名投票方式对「${s.ballotTitle}」进行了满意度测评。${baseText(r)}。测评结果如下：`);
    r.options.forEach((o, i) => lines.push(`${chineseNumber(i + 1)}、${o.title}：满意 ${o.satisfied} 票，基本满意 ${o.basic} 票，不满意 ${o.unsatisfied} 票，测评等次为${o.grade}（满意率 ${(o.rate * 100).toFixed(2)}%）`));
  } else if (r.kind === 'evaluation') {
    if (r.form === 'score') {
      lines.push(`${s.sessionName}于${date}以无记名打分方式对「${s.ballotTitle}」进行了评议。${baseText(r)}。评议结果如下：`);
      const flagWord = { red: '红旗', yellow: '黄旗', black: '黑旗' } as const;
      r.options.forEach((o, i) => {
        if (!('mean' in o)) return;
        lines.push(`${chineseNumber(i + 1)}、${o.title}：平均得分 ${o.mean.toFixed(2)} 分，名次第 ${o.rank}${o.flag ? `，${flagWord[o.flag]}` : ''}`);
      });
    } else {
      lines.push(`${s.sessionName}于${date}以无记名投票方式对「${s.ballotTitle}」进行了满意度测评。${baseText(r)}。测评结果如下：`);
      r.options.forEach((o, i) => {
        if (!('grade' in o)) return;
        lines.push(`${chineseNumber(i + 1)}、${o.title}：满意 ${o.satisfied} 票，基本满意 ${o.basic} 票，不满意 ${o.unsatisfied} 票，测评等次为${o.grade}（满意率 ${(o.rate * 100).toFixed(2)}%）`);
      });
    }
  } else {
    lines.push(`${s.sessionName}于${date}对「${s.ballotTitle}」进行了${r.named ? '记名' : '无记名'}表决。${baseText(r)}。`);
    lines.push(`表决事项：${r.question}`);
    lines.push(`表决结果：赞成 ${r.yes} 票，反对 ${r.no} 票，弃权 ${r.abstain} 票，${r.passed ? '赞成票超过计票基数半数，获得通过' : '赞成票未超过计票基数半数，未获通过'}。`);
  }
  lines.push('现予公告。');
  lines.push('');
  lines.push(issuer(s));
  lines.push(date);
  return lines.join('\n');
}
