// The plan form keeps targets and milestones as lines of text, as an officer writes them ("开工 2027-03-31"),
// and turns them into the shared planInput's arrays on submit. Every problem — a line that cannot be read, or
// one the shared schema (the server's own) refuses — is reported with the number of the line it is on.
import { z } from 'zod';
import type { FieldIssue } from '../../api';
import { i18nMessage } from '../../forms/messages';
import { planInput } from '../../../../shared/implementation-schemas';

export type Plan = z.output<typeof planInput>;
export interface Line { line: number; text: string }

/** The non-blank lines, trimmed, each with its number in the text (1 is the first) so a message can point at it. */
export const readLines = (s: string | null | undefined): Line[] =>
  (s ?? '').split('\n').map((text, i) => ({ line: i + 1, text: text.trim() })).filter((l) => l.text !== '');

// The title is everything before the last run of spaces (ASCII or full-width); the date is what follows it.
const milestoneLine = /^(.*\S)\s+(\d{4}-\d{2}-\d{2})$/u;
/** "开工 2027-03-31" → { title: '开工', due: '2027-03-31' }; null when the line does not end in such a date. */
export function readMilestone(text: string): { title: string; due: string } | null {
  const m = milestoneLine.exec(text.trim());
  return m ? { title: m[1], due: m[2] } : null;
}

/** A milestone as a line of the form: the way back from readMilestone. */
export const milestoneText = (m: { title: string; due: string }) => `${m.title} ${m.due}`;

/** The message for the item at `index` of an array built from `lines` (a path from the schema or the server). */
function onLine(lines: Line[], index: unknown, message: string) {
  const line = typeof index === 'number' ? lines[index]?.line : undefined;
  return line === undefined ? message : i18nMessage('impl.lineProblem', { line, message });
}

const { targets, milestones, funding, completionDate } = planInput.shape;

/** The shared schema's verdict on the array read from the lines, each issue on its line. */
function check(schema: z.ZodType, value: unknown, lines: Line[], ctx: z.RefinementCtx) {
  const r = schema.safeParse(value);
  for (const issue of r.error?.issues ?? []) ctx.addIssue({ code: 'custom', message: onLine(lines, issue.path[0], issue.message) });
}

const targetsText = z.string().max(50_000).nullish().superRefine((s, ctx) => {
  const lines = readLines(s);
  check(targets, lines.map((l) => l.text), lines, ctx);
});

const milestonesText = z.string().max(50_000).nullish().superRefine((s, ctx) => {
  const lines = readLines(s);
  const read = lines.map((l) => readMilestone(l.text));
  const unread = lines.filter((_, i) => !read[i]);
  for (const l of unread) ctx.addIssue({ code: 'custom', message: i18nMessage('impl.milestoneUnreadable', { line: l.line }) });
  if (unread.length === 0) check(milestones, read, lines, ctx);
});

/** What the plan form holds, checked line by line, and given out in the shape PUT /api/projects/:id/plan takes. */
export const planFormSchema = z.object({ targetsText, milestonesText, funding, completionDate }).transform((v): Plan => ({
  targets: readLines(v.targetsText).map((l) => l.text),
  milestones: readLines(v.milestonesText).map((l) => readMilestone(l.text)!),
  funding: v.funding,
  completionDate: v.completionDate,
}));
export type PlanFormIn = z.input<typeof planFormSchema>;

/** The form's values for a saved plan, or the blank form of a project that has none yet. */
export const planFormValues = (plan: Plan | null | undefined, year: number): PlanFormIn => ({
  targetsText: (plan?.targets ?? []).join('\n'),
  milestonesText: (plan?.milestones ?? []).map(milestoneText).join('\n'),
  funding: plan?.funding ?? '',
  completionDate: plan?.completionDate ?? `${year}-12-31`,
});

/** A server's 422 field (`targets.2`, `milestones.0.due`) placed on the lines the form sent it from. */
export function placePlanIssue(f: FieldIssue, values: PlanFormIn): FieldIssue {
  const [head, index] = f.field.split('.');
  const text = head === 'targets' ? 'targetsText' : head === 'milestones' ? 'milestonesText' : null;
  if (!text) return f;
  return { field: text, message: onLine(readLines(values[text]), index === undefined ? undefined : Number(index), f.message) };
}
