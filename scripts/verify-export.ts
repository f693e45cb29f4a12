// The verifier's check of an open-data export (export.json, docs/OPEN-DATA.md): every project's combined
// satisfaction (`composite`) recomputed from what the export itself publishes — the last of its members'
// grades, its residents' rating counts, the last of its household surveys — weighed by its body's rule in
// `rules`, with the shared formula only (shared/counting/composite.ts). A figure that does not follow from
// the published parts, or parts altered after the figure was made, shows up as a mismatch.

import { z } from 'zod';
import { compositeSatisfaction, type Composite } from '../shared/counting/index.js';
import type { Check } from './verify-lib.js';

const count = z.number().int().min(0);
const counts = z.object({ satisfied: count, basic: count, unsatisfied: count });
const weights = z.object({ members: z.number(), public: z.number(), survey: z.number() });
const exportSchema = z.object({
  bodyId: z.string(),
  projects: z.array(z.object({
    id: z.string(), bodyId: z.string(), title: z.string(),
    grades: z.array(counts.passthrough()),
    publicRatings: counts.passthrough(),
    surveys: z.array(counts.extend({ date: z.string() }).passthrough()),
    composite: z.object({ rate: z.number(), parts: z.record(z.string(), z.number()), weights }).nullable(),
  }).passthrough()),
  rules: z.array(z.object({ bodyId: z.string(), weights })),
}).passthrough();

export interface ExportReport { ok: boolean; projects: number; checks: Check[] }

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9;
function same(a: Composite | null, b: Composite | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = (c: Composite) => Object.keys(c.parts).sort().join();
  return close(a.rate, b.rate) && keys(a) === keys(b)
    && Object.entries(a.parts).every(([k, v]) => close(v, b.parts[k as keyof typeof b.parts]!))
    && (['members', 'public', 'survey'] as const).every((k) => close(a.weights[k], b.weights[k]));
}
const show = (c: Composite | null) => (c ? `${c.rate} (${Object.entries(c.parts).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ')})` : 'null');

export function verifyExport(data: unknown): ExportReport {
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, projects: 0, checks: [{ id: 'export.shape', ok: false, zh: '导出文件格式不符（需含 projects 的 grades、publicRatings、surveys、composite 与 rules）', en: 'the export is not in the expected shape (projects with grades, publicRatings, surveys, composite; rules)', detail }] };
  }
  const rules = new Map(parsed.data.rules.map((r) => [r.bodyId, r.weights]));
  const checks: Check[] = [];
  for (const p of parsed.data.projects) {
    // the export lists grades and surveys oldest first: the last is the latest (OPEN-DATA.md)
    const survey = p.surveys.reduce<(typeof p.surveys)[number] | null>((latest, s) => (!latest || s.date >= latest.date ? s : latest), null);
    const recomputed = compositeSatisfaction({ members: p.grades.at(-1) ?? null, public: p.publicRatings, survey }, rules.get(p.bodyId) ?? null);
    if (same(recomputed, p.composite)) continue;
    checks.push({
      id: `composite.${p.id}`, ok: false,
      zh: `项目「${p.title}」的综合满意度与公开的各项不符`, en: `the combined satisfaction of project ${p.id} does not follow from its published parts`,
      detail: `published ${show(p.composite)}, recomputed ${show(recomputed)}`,
    });
  }
  const withFigure = parsed.data.projects.filter((p) => p.composite).length;
  checks.unshift({
    id: 'composite', ok: checks.length === 0,
    zh: `综合满意度重新计算：${parsed.data.projects.length} 个项目（${withFigure} 个有综合满意度），${checks.length} 处不符`,
    en: `combined satisfaction recomputed for ${parsed.data.projects.length} projects (${withFigure} with a figure): ${checks.length} mismatches`,
  });
  return { ok: checks.every((c) => c.ok), projects: parsed.data.projects.length, checks };
}

export function formatExportReport(report: ExportReport): string {
  const lines = ['民生实事 开放数据核验 / Minsheng open-data verification', ''];
  for (const c of report.checks) lines.push(`${c.ok ? '✔ 通过 PASS' : '✘ 失败 FAIL'}  ${c.zh} / ${c.en}${c.detail ? `\n      ${c.detail}` : ''}`);
  lines.push('', report.ok ? '结论：全部核验通过 / Result: every check passed' : '结论：核验未通过 / Result: verification FAILED');
  return lines.join('\n');
}
