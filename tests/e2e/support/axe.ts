// axe-core in the page: injected as a script tag (the context must bypass the page's CSP for it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const axePath = path.join(root, 'node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string; why?: string }[];
}
export interface AxeRun {
  violations: AxeViolation[];
  passes: { id: string; nodes: unknown[] }[];
  incomplete: { id: string; nodes: { target: string[]; why?: string }[] }[];
}

export async function runAxe(page: Page, opts: { rules?: string[] } = {}): Promise<AxeRun> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe: any }).axe;
    const options: Record<string, unknown> = { resultTypes: ['violations', 'incomplete', 'passes'] };
    if (rules) options.runOnly = { type: 'rule', values: rules };
    const r = await axe.run(document, options);
    const slim = (list: any[]) => list.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n: any) => ({
        target: n.target, failureSummary: n.failureSummary,
        why: [...n.any, ...n.all, ...n.none].map((c: any) => c.message).filter(Boolean).join('; '),
      })),
    }));
    return { violations: slim(r.violations), passes: slim(r.passes), incomplete: slim(r.incomplete) };
  }, opts.rules ?? null);
}

/** Serious and critical violations, one line per rule with the offending nodes. */
export function serious(run: AxeRun): string[] {
  return run.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} nodes` : ''}`);
}
