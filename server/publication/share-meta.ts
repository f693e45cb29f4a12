// What a link pasted into a chat shows: every public page gets its own <title> and description in the
// HTML the server sends (the app is a SPA; crawlers and chat previews do not run its JavaScript).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, bodies, notices, projects } from '../db/schema.js';
import { idPattern } from '../db/ids.js';
import { isProjectPublic } from '../projects/public.js';
import { publicPage } from '../core/page-cache.js';

export interface PageMeta { title: string; description: string }

const site = '民生实事票决';
const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function lookUp(ctx: AppContext, kind: string, id: string): Promise<PageMeta | null> {
  if (kind === 'projects') {
    const [row] = await ctx.db.select({ p: projects, body: bodies.name }).from(projects).innerJoin(bodies, eq(bodies.id, projects.bodyId)).where(eq(projects.id, id));
    if (!row || !(await isProjectPublic(ctx.db, row.p))) return null;
    return { title: `${row.p.title} · ${row.p.year} 年度民生实事项目`, description: clip(`${row.body}｜${row.p.department}｜${row.p.description}`) };
  }
  if (kind === 'bodies') {
    const [b] = await ctx.db.select().from(bodies).where(eq(bodies.id, id));
    return b ? { title: `${b.name} · 民生实事项目`, description: `${b.name}民生实事项目：群众点单、人大票决、政府办理、代表督办、群众评价的全过程公开。` } : null;
  }
  if (kind === 'notices') {
    const [n] = await ctx.db.select().from(notices).where(eq(notices.id, id));
    return n ? { title: n.title, description: clip(n.text) } : null;
  }
  if (kind === 'results') {
    const [b] = await ctx.db.select().from(ballots).where(eq(ballots.id, id));
    return b && b.state === 'published' ? { title: `${b.title} · 表决结果`, description: `${b.title}的表决结果，附签名和投票箱摘要，可独立核验。` } : null;
  }
  return null;
}

/** The page's meta, or null for a path that is not one public thing (the shell keeps its own title). */
export async function shareMeta(ctx: AppContext, path: string): Promise<PageMeta | null> {
  const m = /^\/(projects|bodies|notices|results)\/([^/]+)\/?$/.exec(path);
  if (!m || !idPattern.test(m[2])) return null;
  const page = await publicPage(ctx.db, `meta:${m[1]}:${m[2]}`, () => lookUp(ctx, m[1], m[2]));
  return JSON.parse(page.body) as PageMeta | null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The shell with the page's title and description (and Open Graph for chat previews). */
export function withMeta(html: string, meta: PageMeta | null): string {
  if (!meta) return html;
  const title = escape(`${meta.title} - ${site}`);
  const description = escape(meta.description);
  const tags = `<meta name="description" content="${description}" /><meta property="og:title" content="${title}" /><meta property="og:description" content="${description}" /><meta property="og:type" content="article" />`;
  // A replacement function, not a string: a name holding $& or $` would otherwise pull parts of the page into it.
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>${tags}`);
}
