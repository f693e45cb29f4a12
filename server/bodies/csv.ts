import { parse } from 'csv-parse/sync';
import { memberInput } from '../../shared/schemas.js';
import { invalid } from '../core/errors.js';
import type { z } from 'zod';

/** Parses a roster CSV (`name,delegation,kind` and optionally `,phone`); every bad row is reported by number, nothing is half-imported. */
export function parseMembersCsv(text: string): z.infer<typeof memberInput>[] {
  let parsedRecords: { record: string[]; info: { lines: number } }[];
  try {
    // `info` keeps each record's line in the file, so errors name the line a clerk sees in the editor.
    parsedRecords = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof parsedRecords;
  } catch (e) {
    throw invalid(`CSV 无法解析 / unreadable CSV: ${(e as Error).message.slice(0, 200)}`);
  }
  const [header, ...rows] = parsedRecords.map((r) => r.record);
  const lineOf = (i: number) => parsedRecords[i + 1].info.lines;
  if (!header || header[0]?.toLowerCase() !== 'name') {
    throw invalid('CSV 第一行应为表头 name,delegation,kind / first line must be the header name,delegation,kind');
  }
  const columns = header.map((h) => h.toLowerCase());
  const unknown = columns.filter((c) => !['name', 'delegation', 'kind', 'phone'].includes(c));
  if (unknown.length) throw invalid(`未知的列 / unknown columns: ${unknown.join(', ')}`);
  if (rows.length === 0) throw invalid('CSV 没有数据行 / no rows');
  if (rows.length > 5000) throw invalid('一次最多导入 5000 人 / at most 5000 rows');
  const errors: { row: number; field: string; message: string }[] = [];
  const out: z.infer<typeof memberInput>[] = [];
  rows.forEach((cells, i) => {
    const rec: Record<string, string | undefined> = {};
    columns.forEach((c, j) => { if (cells[j] !== undefined && cells[j] !== '') rec[c] = cells[j]; });
    if (cells.length > columns.length) errors.push({ row: lineOf(i), field: '(row)', message: '列数多于表头 / more cells than the header' });
    const parsed = memberInput.safeParse(rec);
    if (parsed.success) out.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: lineOf(i), field: issue.path.join('.') || '(row)', message: issue.message });
  });
  if (errors.length) throw invalid(`CSV 有 ${errors.length} 处错误，未导入任何人 / ${errors.length} errors, nothing imported`, errors.slice(0, 200));
  return out;
}
