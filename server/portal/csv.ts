// The CSV export's columns (docs/OPEN-DATA.md lists them) and RFC 4180 quoting.
import type { ExportProject } from './export-rows.js';

// Spreadsheets run a cell that starts with = + - @, a tab or a carriage return as a formula (OWASP "CSV
// Injection"), and public titles and reasons are typed by people we do not control.
const formulaStart = /^[=+\-@\t\r]/;
// A string that is a plain decimal number ("-5", "+3.25") is left alone: Excel reads it as that number, not a
// formula, and a prefix would turn it into text for every reader of the open data. Only this exact shape is
// spared, so "-1+2" or "-5,=cmd" is still neutralised.
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/** Text that a spreadsheet would run as a formula gets a leading ' (OWASP's advice). Numbers are never text:
 *  a `number` such as -3 stays a number. */
export function neutralise(s: string): string {
  return formulaStart.test(s) && !plainNumber.test(s) ? `'${s}` : s;
}

/** A field is quoted when it holds a comma, quote, line break or outer spaces; quotes inside are doubled.
 *  A string is neutralised before it is quoted. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? neutralise(v) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated as RFC 4180 asks (Excel and csv-parse read it either way). */
export const csvLine = (fields: unknown[]) => `${fields.map(csvField).join(',')}\r\n`;

const last = (p: ExportProject) => p.grades.at(-1);

export const exportColumns: { name: string; value: (p: ExportProject) => unknown }[] = [
  { name: 'id', value: (p) => p.id },
  { name: 'year', value: (p) => p.year },
  { name: 'body_id', value: (p) => p.bodyId },
  { name: 'body_name', value: (p) => p.bodyName },
  { name: 'title', value: (p) => p.title },
  { name: 'category', value: (p) => p.category },
  { name: 'department', value: (p) => p.department },
  { name: 'status', value: (p) => p.status },
  { name: 'investment', value: (p) => p.investment },
  { name: 'description', value: (p) => p.description },
  { name: 'targets', value: (p) => p.targets.join('；') },
  { name: 'supporters', value: (p) => p.supporters },
  { name: 'suggestions', value: (p) => p.suggestions },
  { name: 'feasible', value: (p) => (p.assessment ? p.assessment.feasible : null) },
  { name: 'assessment_reason', value: (p) => p.assessment?.reason },
  { name: 'assessed_investment', value: (p) => p.assessment?.investment },
  { name: 'funding_source', value: (p) => p.assessment?.fundingSource },
  { name: 'planned_completion', value: (p) => p.assessment?.completionDate },
  { name: 'execution', value: (p) => p.execution },
  { name: 'percent', value: (p) => p.percent },
  { name: 'last_report', value: (p) => p.lastReport },
  { name: 'grade', value: (p) => last(p)?.grade },
  { name: 'grade_round', value: (p) => last(p)?.round },
  { name: 'grade_rate', value: (p) => last(p)?.rate },
  { name: 'grade_published_at', value: (p) => last(p)?.publishedAt },
  { name: 'public_satisfied', value: (p) => p.publicRatings.satisfied },
  { name: 'public_basic', value: (p) => p.publicRatings.basic },
  { name: 'public_unsatisfied', value: (p) => p.publicRatings.unsatisfied },
  { name: 'carried_over_from', value: (p) => p.carriedOverFrom },
  { name: 'carried_over_to', value: (p) => p.carriedOverTo },
  { name: 'survey_satisfied', value: (p) => p.surveys.at(-1)?.satisfied },
  { name: 'survey_basic', value: (p) => p.surveys.at(-1)?.basic },
  { name: 'survey_unsatisfied', value: (p) => p.surveys.at(-1)?.unsatisfied },
  { name: 'survey_date', value: (p) => p.surveys.at(-1)?.date },
  { name: 'composite_rate', value: (p) => p.composite?.rate },
];
