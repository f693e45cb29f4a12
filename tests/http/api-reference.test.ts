// docs/API.md's route and error tables are made from the route definitions (npm run docs:api): this fails
// when a route, its roles, its summary or its refusals changed and the reference was not made again.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceFile, withTables } from '../../scripts/docs/api-reference.js';
import { apiRoutes } from '../../server/routes.js';

describe('docs/API.md', () => {
  it('lists every route as its definition says, and every error code', () => {
    const text = fs.readFileSync(referenceFile, 'utf8');
    expect(text, 'run `npm run docs:api`').toBe(withTables(text));
    for (const r of apiRoutes) expect(text).toContain(`\`${r.method} /api${r.path}\``);
  });

  it('refers to nothing outside the repository', () => {
    expect(fs.readFileSync(referenceFile, 'utf8')).not.toMatch(/\.\.\/shared|\/work\//);
  });
});
