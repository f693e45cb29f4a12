// The independent verifier: given a downloaded ballot box (and optionally the signed result and the
// public keys), recompute everything from the entries alone and say whether it all matches.
// It deliberately shares only the pure functions in shared/ with the server — never its database,
// its code paths or its idea of the counts — so a server bug or a tampered copy shows up here.

import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { checkDefinition, validateChoices, type BallotDefinition } from '../shared/ballot-definition.js';
import { byCodeUnit } from '../shared/code-unit-order.js';
import { computeResult, motionPasses, tallyChoices } from '../shared/counting/index.js';
import { boxDigest, canonicalJson } from '../shared/digest.js';
import type { BallotResult, Choices, MotionResult, YesNoAbstain } from '../shared/types.js';

export interface VerifyOptions {
  /** Compact JWS of the result, as served by GET /api/ballots/:id/result.jws. */
  jws?: string;
  /** The JWKS of GET /api/public/keys. */
  jwks?: unknown;
  /** A result object (GET /api/ballots/:id/result) to compare with the recount. */
  result?: unknown;
}

export interface Check {
  id: string;
  ok: boolean;
  zh: string;
  en: string;
  detail?: string;
}

export interface VerifyReport {
  ok: boolean;
  ballotId?: string;
  title?: string;
  /** A named (记名) motion: its box is empty by design, votes are listed by name in the result. */
  named: boolean;
  checks: Check[];
  /** The result as recounted here, when the box allowed a recount. */
  recomputed?: BallotResult;
}

const RECEIPT = /^[0-9A-Z]{10,16}$/;
const DIGEST = /^[0-9a-f]{64}$/;

const count = z.number().int().min(0);
const manifestSchema = z.object({
  ballotId: z.string(),
  title: z.string().optional(),
  kind: z.enum(['selection', 'satisfaction', 'motion', 'evaluation']),
  form: z.enum(['per_candidate', 'choose_n']).optional(),
  evaluation: z.object({
    form: z.enum(['grade', 'score']),
    scale: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
    flags: z.object({ red: z.number().int().min(0), black: z.number().int().min(0) }).optional(),
  }).optional(),
  seats: z.number().int().min(1).optional(),
  question: z.string().optional(),
  secret: z.boolean().optional(),
  byItem: z.literal(true).optional(),
  // a byItem satisfaction ballot's item options name their project (the recount groups them)
  options: z.array(z.object({ id: z.string(), title: z.string(), item: z.object({ projectId: z.string(), projectTitle: z.string(), title: z.string() }).optional() })),
  baseRule: z.enum(['roster', 'present']),
  base: count,
  eligible: count,
  cast: count,
});
const boxSchema = z.object({
  ballot: manifestSchema,
  entries: z.array(z.record(z.string(), z.unknown())),
  digest: z.string(),
});
const namedSchema = z.array(
  z.object({ memberId: z.string(), name: z.string(), vote: z.enum(['yes', 'no', 'abstain']) }),
);

export async function verifyBox(box: unknown, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const checks: Check[] = [];
  const add = (id: string, ok: boolean, zh: string, en: string, detail?: string) =>
    checks.push(detail === undefined ? { id, ok, zh, en } : { id, ok, zh, en, detail });

  const parsed = boxSchema.safeParse(box);
  if (!parsed.success) {
    add('format', false, '票箱文件格式', 'box file format', describeZodError(parsed.error));
    return { ok: false, named: false, checks };
  }
  add('format', true, '票箱文件格式', 'box file format');
  const { ballot: manifest, entries, digest } = parsed.data;

  const def: BallotDefinition = {
    kind: manifest.kind,
    form: manifest.form,
    seats: manifest.seats,
    question: manifest.question,
    ...(manifest.evaluation ? { evaluation: manifest.evaluation } : {}),
    ...(manifest.byItem ? { byItem: true } : {}),
    options: manifest.options.map((o) => (o.item ? { id: o.id, title: o.title, item: o.item } : { id: o.id, title: o.title })),
  };
  const defProblem = checkDefinition(def);
  add('definition', defProblem === null, '票决定义（选项、名额）', 'ballot definition (options, seats)', defProblem ?? undefined);

  // The base is an input the box states (roster size or members present); it cannot be recounted
  // from the entries, but it must at least be consistent with the rule and with the turnout.
  const baseProblem = baseInconsistency(manifest);
  add('base', baseProblem === null, '计票基数与规则一致', 'base consistent with its rule', baseProblem ?? `base ${manifest.base} (${manifest.baseRule}), eligible ${manifest.eligible}, cast ${manifest.cast}`);

  const declaredNamed = manifest.secret === false;
  const named = manifest.kind === 'motion' && (declaredNamed || (entries.length === 0 && manifest.cast > 0));

  // Entries must carry nothing but receipt and choices: any other field (a time, a member, a
  // sequence number) could tell who voted what.
  const extra = entries.findIndex((e) => Object.keys(e).some((k) => k !== 'receipt' && k !== 'choices') || !('choices' in e));
  add('entry-shape', extra === -1, '每张选票只含回执码和选择', 'each entry holds only receipt and choices', extra === -1 ? undefined : `entry #${extra + 1}`);

  const receipts = entries.map((e) => e.receipt);
  const badReceipt = receipts.findIndex((r) => typeof r !== 'string' || !RECEIPT.test(r));
  add('receipts', badReceipt === -1, '回执码格式', 'receipt format ([0-9A-Z]{10,16})', badReceipt === -1 ? undefined : `entry #${badReceipt + 1}: ${String(receipts[badReceipt]).slice(0, 40)}`);
  const receiptStrings = receipts.filter((r): r is string => typeof r === 'string');
  const duplicates = receiptStrings.filter((r, i) => receiptStrings.indexOf(r) !== i);
  add('unique', duplicates.length === 0, '回执码不重复', 'receipts are unique', duplicates.length ? `duplicated: ${[...new Set(duplicates)].slice(0, 5).join(', ')}` : undefined);
  const sorted = receiptStrings.every((r, i) => i === 0 || byCodeUnit(receiptStrings[i - 1], r) <= 0);
  add('sorted', sorted, '票箱按回执码排序（顺序不泄露投票先后）', 'entries sorted by receipt (order reveals nothing)');

  if (named) {
    add('named', declaredNamed || entries.length === 0, '记名表决：票箱为空，表决结果按姓名列出', 'named motion: the box is empty by design; the result lists each vote by name',
      entries.length > 0 ? `a named motion's box should be empty, found ${entries.length} entries` : undefined);
  }

  // Choices: every entry must be a vote this ballot allows; the count uses the checked form.
  const normalised: Choices[] = [];
  const invalid: string[] = [];
  if (defProblem === null) {
    entries.forEach((e, i) => {
      const check = validateChoices(def, e.choices);
      if (check.ok) normalised.push(check.choices);
      else invalid.push(`#${i + 1} ${typeof e.receipt === 'string' ? e.receipt : '?'}: ${check.message}`);
    });
  }
  add('choices', defProblem === null && invalid.length === 0, '每张选票的选择有效', 'every entry is a valid vote for this ballot',
    invalid.length ? `${invalid.length} invalid: ${invalid.slice(0, 5).join('; ')}` : undefined);

  if (!named) {
    add('cast', manifest.cast === entries.length, '投票数 = 票箱中选票数', 'cast equals the number of entries', `cast ${manifest.cast}, entries ${entries.length}`);
  }

  let recomputedDigest: string | null = null;
  try {
    recomputedDigest = boxDigest(entries.map((e) => ({ receipt: e.receipt as string, choices: e.choices as Choices })));
  } catch (err) {
    add('digest', false, '票箱摘要 (SHA-256)', 'box digest (SHA-256)', `cannot compute: ${(err as Error).message}`);
  }
  if (recomputedDigest !== null) {
    add('digest', DIGEST.test(digest) && digest === recomputedDigest, '票箱摘要 (SHA-256)', 'box digest (SHA-256)',
      digest === recomputedDigest ? digest : `published ${digest.slice(0, 80)}, recomputed ${recomputedDigest}`);
  }

  // The recount, from the entries only. The manifest contributes what cannot be counted (options,
  // seats, base, eligible); its `cast` is checked above, never used.
  let recomputed: BallotResult | undefined;
  const canRecount = defProblem === null && invalid.length === 0 && baseProblem === null;
  if (canRecount && !named) {
    recomputed = computeResult(def, tallyChoices(def, normalised), {
      ballotId: manifest.ballotId,
      base: manifest.base,
      baseRule: manifest.baseRule,
      eligible: manifest.eligible,
      cast: entries.length,
      question: manifest.question,
    });
  }

  // The signed result, when given: signature first, then its content against the recount.
  let signedPayload: unknown;
  if (opts.jws !== undefined) {
    const sig = await verifySignature(opts.jws, opts.jwks);
    add('signature', sig.ok, '结果签名 (EdDSA/Ed25519)', 'result signature (EdDSA/Ed25519)', sig.detail);
    if (sig.ok) signedPayload = sig.payload;
  }
  const plainResult = opts.result === undefined ? undefined : unwrapResult(opts.result);

  if (named && canRecount) {
    // A named motion is recounted from its list of names instead of from the box.
    const source = signedPayload ?? plainResult;
    if (source !== undefined) {
      const fromNames = recountNamedMotion(def, manifest, source);
      add('named-count', fromNames.ok, '按姓名名单重新计票', 'recount from the list of names', fromNames.detail);
      recomputed = fromNames.result;
    }
  }

  if (signedPayload !== undefined) {
    compareWithRecount(add, 'signed-result', '签名结果与重新计票一致', 'signed result equals the recount', signedPayload, recomputed);
  }
  if (plainResult !== undefined) {
    compareWithRecount(add, 'result', '公布结果与重新计票一致', 'published result equals the recount', plainResult, recomputed);
  }

  return {
    ok: checks.every((c) => c.ok),
    ballotId: manifest.ballotId,
    title: manifest.title,
    named,
    checks,
    recomputed,
  };
}

function baseInconsistency(m: z.infer<typeof manifestSchema>): string | null {
  if (m.baseRule === 'roster' && m.base !== m.eligible) return `rule "roster" needs base = eligible, got base ${m.base}, eligible ${m.eligible}`;
  if (m.baseRule === 'present' && m.base > m.eligible) return `rule "present" needs base ≤ eligible, got base ${m.base}, eligible ${m.eligible}`;
  if (m.cast > m.base) return `more ballots cast (${m.cast}) than the base (${m.base})`;
  return null;
}

async function verifySignature(jws: string, jwks: unknown): Promise<{ ok: boolean; detail?: string; payload?: unknown }> {
  if (jwks === undefined) return { ok: false, detail: 'no public keys given (--jwks); the signature cannot be checked' };
  try {
    const keySet = createLocalJWKSet(jwks as JSONWebKeySet);
    const { payload } = await compactVerify(jws.trim(), keySet, { algorithms: ['EdDSA', 'Ed25519'] });
    return { ok: true, payload: JSON.parse(new TextDecoder().decode(payload)) as unknown };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

/** Accepts the bare result or a ballot object carrying it (GET /api/ballots/:id). */
function unwrapResult(value: unknown): unknown {
  if (value && typeof value === 'object' && !('kind' in value) && 'result' in value) return (value as { result: unknown }).result;
  return value;
}

function recountNamedMotion(
  def: BallotDefinition,
  manifest: z.infer<typeof manifestSchema>,
  source: unknown,
): { ok: boolean; detail?: string; result?: MotionResult } {
  const list = namedSchema.safeParse((source as { named?: unknown } | null)?.named);
  if (!list.success) return { ok: false, detail: 'the result has no valid "named" list' };
  const ids = list.data.map((n) => n.memberId);
  if (new Set(ids).size !== ids.length) return { ok: false, detail: 'a member appears twice in the list of names' };
  const votes: Record<YesNoAbstain, number> = { yes: 0, no: 0, abstain: 0 };
  for (const n of list.data) votes[n.vote] += 1;
  const result: MotionResult = {
    ballotId: manifest.ballotId,
    kind: 'motion',
    question: manifest.question ?? def.question ?? '',
    base: manifest.base,
    baseRule: manifest.baseRule,
    eligible: manifest.eligible,
    cast: list.data.length,
    ...votes,
    passed: motionPasses(votes.yes, manifest.base),
    named: list.data,
  };
  const ok = list.data.length === manifest.cast;
  return { ok, detail: ok ? `${list.data.length} names` : `${list.data.length} names, but cast is ${manifest.cast}`, result };
}

function compareWithRecount(
  add: (id: string, ok: boolean, zh: string, en: string, detail?: string) => void,
  id: string,
  zh: string,
  en: string,
  claimed: unknown,
  recomputed: BallotResult | undefined,
): void {
  if (recomputed === undefined) {
    add(id, false, zh, en, 'nothing to compare with: the box could not be recounted');
    return;
  }
  const diffs = differences(claimed, recomputed, '');
  add(id, diffs.length === 0, zh, en, diffs.length ? diffs.slice(0, 8).join('; ') : undefined);
}

/** Paths where two JSON values differ; object key order is ignored, array order is not. */
export function differences(a: unknown, b: unknown, path: string): string[] {
  if (canonicalSafe(a) === canonicalSafe(b)) return [];
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object';
  if (bothObjects && Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path || '(root)'}: length ${a.length} ≠ ${b.length}`];
    return a.flatMap((item, i) => differences(item, b[i], `${path}[${i}]`));
  }
  if (bothObjects && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort(byCodeUnit);
    return keys.flatMap((k) => differences(ra[k], rb[k], path ? `${path}.${k}` : k));
  }
  return [`${path || '(root)'}: ${short(a)} ≠ ${short(b)} (claimed ≠ recounted)`];
}

function canonicalSafe(value: unknown): string {
  try {
    return value === undefined ? 'undefined' : canonicalJson(value);
  } catch {
    return `unserialisable:${String(value)}`;
  }
}

function short(value: unknown): string {
  const text = value === undefined ? 'missing' : canonicalSafe(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

const STATUS_ZH: Record<string, string> = {
  selected: '当选',
  tied: '票数相同，待再次投票',
  passed_not_selected: '过半数未入选',
  not_passed: '未过半数',
};

/** A plain-text report, Chinese and English side by side, for the command line. */
export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  lines.push('民生实事票决 票箱核验 / Minsheng ballot box verification');
  if (report.ballotId) lines.push(`票决 Ballot: ${report.title ?? ''} (${report.ballotId})`);
  lines.push('');
  for (const c of report.checks) {
    lines.push(`${c.ok ? '✔ 通过 PASS' : '✘ 失败 FAIL'}  ${c.zh} / ${c.en}${c.detail ? `\n      ${c.detail}` : ''}`);
  }
  if (report.named) {
    lines.push('');
    lines.push('注意：这是记名表决，票箱为空，每位成员的表决意见在结果中按姓名列出。');
    lines.push('Note: this is a named motion; its box is empty and each member\'s vote is listed by name in the result.');
  }
  const r = report.recomputed;
  if (r) {
    lines.push('');
    lines.push(`重新计票 Recount (base ${r.base}, rule ${r.baseRule}, eligible ${r.eligible}, cast ${r.cast}):`);
    if (r.kind === 'selection') {
      for (const o of r.options) {
        lines.push(`  ${o.title}  赞成 yes ${o.yes} / 反对 no ${o.no} / 弃权 abstain ${o.abstain}  → ${STATUS_ZH[o.status]} ${o.status}`);
      }
      lines.push(`  当选 selected: ${r.selected.length} / ${r.seats}` + (r.tied.length ? `; 并列待定 tied: ${r.tied.join(', ')}` : '') + (r.shortfall ? `; 空缺 shortfall: ${r.shortfall}` : ''));
    } else if (r.kind === 'satisfaction') {
      for (const o of r.options) {
        lines.push(`  ${o.title}  满意 ${o.satisfied} / 基本满意 ${o.basic} / 不满意 ${o.unsatisfied}  → ${o.grade}, 满意率 rate ${(o.rate * 100).toFixed(2)}%`);
      }
      // 子项: each project rated item by item, graded from its items' counts against base × items
      for (const p of r.projects ?? []) {
        if (!p.items) continue;
        lines.push(`  [项目 project] ${p.title}  ${p.items.length} 个子项 items, 合计 满意 ${p.satisfied} / 基本满意 ${p.basic} / 不满意 ${p.unsatisfied} (base ${r.base} × ${p.items.length})  → ${p.grade}`);
      }
    } else if (r.kind === 'evaluation') {
      for (const o of r.options) {
        lines.push('mean' in o
          ? `  ${o.title}  平均分 mean ${o.mean.toFixed(2)} (${o.count})  → 第 ${o.rank} 名 rank${o.flag ? ` ${o.flag}` : ''}`
          : `  ${o.title}  满意 ${o.satisfied} / 基本满意 ${o.basic} / 不满意 ${o.unsatisfied}  → ${o.grade}, 满意率 rate ${(o.rate * 100).toFixed(2)}%`);
      }
    } else {
      lines.push(`  ${r.question}  赞成 yes ${r.yes} / 反对 no ${r.no} / 弃权 abstain ${r.abstain}  → ${r.passed ? '通过 passed' : '未通过 not passed'}`);
    }
  }
  lines.push('');
  lines.push(report.ok ? '结论：全部核验通过 / Result: every check passed' : '结论：核验未通过 / Result: verification FAILED');
  return lines.join('\n');
}

// ---------------------------------------------------------------- notices (公告)

const noticeSchema = z.object({
  id: z.string(), number: z.number().int().min(1), title: z.string().min(1), text: z.string().min(1),
  ballotId: z.string(), publishedAt: z.string(),
});

export interface NoticeReport { ok: boolean; checks: Check[]; notice?: z.infer<typeof noticeSchema> }

/**
 * A signed notice (GET /api/public/notices/:id.jws): the signature against the JWKS, the payload's shape,
 * and, when the page's copy is given (GET /api/public/notices/:id), that it says exactly what was signed.
 */
export async function verifyNotice(jws: string, jwks: unknown, copy?: unknown): Promise<NoticeReport> {
  const checks: Check[] = [];
  const add = (id: string, ok: boolean, zh: string, en: string, detail?: string) =>
    checks.push(detail === undefined ? { id, ok, zh, en } : { id, ok, zh, en, detail });
  const sig = await verifySignature(jws, jwks);
  add('signature', sig.ok, '公告签名 (EdDSA/Ed25519)', 'notice signature (EdDSA/Ed25519)', sig.detail);
  let notice: z.infer<typeof noticeSchema> | undefined;
  if (sig.ok) {
    const parsed = noticeSchema.safeParse(sig.payload);
    add('notice-format', parsed.success, '公告内容格式（编号、标题、正文、表决）', 'notice format (number, title, text, ballot)', parsed.success ? `第${parsed.data.number}号 ${parsed.data.title}` : describeZodError(parsed.error));
    if (parsed.success) notice = parsed.data;
  }
  if (copy !== undefined) {
    const diffs = sig.ok ? differences(copy, sig.payload, '') : ['the signature did not verify'];
    add('notice-copy', diffs.length === 0, '公告页面与签名内容一致', 'the published notice equals the signed one', diffs.length ? diffs.slice(0, 8).join('; ') : undefined);
  }
  return { ok: checks.every((c) => c.ok), checks, notice };
}

export function formatNoticeReport(report: NoticeReport): string {
  const lines = ['民生实事票决 公告核验 / Minsheng notice verification', ''];
  for (const c of report.checks) lines.push(`${c.ok ? '✔ 通过 PASS' : '✘ 失败 FAIL'}  ${c.zh} / ${c.en}${c.detail ? `\n      ${c.detail}` : ''}`);
  if (report.notice) lines.push('', report.notice.title, report.notice.text);
  lines.push('', report.ok ? '结论：全部核验通过 / Result: every check passed' : '结论：核验未通过 / Result: verification FAILED');
  return lines.join('\n');
}
