// `npm run docs:api`: writes the route tables of docs/API.md (between its `routes:start` and `routes:end`
// marks) and the error-code table (`errors:start`/`errors:end`) from the route definitions themselves
// (server/routes.ts) and shared/error-codes.ts. tests/http/api-reference.test.ts fails when the file is behind.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeSections } from '../../server/routes.js';
import { errorCodes } from '../../shared/error-codes.js';

export const referenceFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/API.md');

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function routeTables(): string {
  return routeSections.map((section) => {
    const rows = section.routes.map((r) => {
      const who = r.roles.includes('public') ? 'anyone' : r.roles.join(', ');
      const errors = (r.errors ?? []).map((c) => `\`${c}\``).join(' ');
      const body = r.body ? 'JSON' : r.rawBody ? r.rawBody.join(', ') : '';
      return `| \`${r.method} /api${r.path}\`${r.extension ? ' ⁺' : ''} | ${who} | ${cell(r.summary)} | ${body} | ${errors} |`;
    });
    return [`### ${section.title}`, '', '| route | who | what | body | refusals of its own |', '|---|---|---|---|---|', ...rows].join('\n');
  }).join('\n\n');
}

export function errorTable(): string {
  const rows = Object.entries(errorCodes).map(([code, [status, meaning]]) => `| \`${code}\` | ${status} | ${cell(meaning)} |`);
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}

export function withTables(text: string): string {
  const put = (t: string, mark: string, content: string) => {
    const start = `<!-- ${mark}:start -->`;
    const end = `<!-- ${mark}:end -->`;
    const i = t.indexOf(start);
    const j = t.indexOf(end);
    if (i < 0 || j < i) throw new Error(`docs/API.md has no ${start} … ${end}`);
    return `${t.slice(0, i + start.length)}\n${content}\n${t.slice(j)}`;
  };
  return put(put(text, 'routes', routeTables()), 'errors', errorTable());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(referenceFile, withTables(fs.readFileSync(referenceFile, 'utf8')));
  console.log(`wrote ${path.relative(process.cwd(), referenceFile)}`);
}
