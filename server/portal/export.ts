// GET /api/public/bodies/:bodyId/export.csv | export.json (?year=): everything public for a body and the
// bodies below it, streamed page by page (a cursor over (year, id)), so memory does not grow with the
// export. Columns and fields: docs/OPEN-DATA.md. The output is deterministic (no "generated at"), so
// export.csv.sha256 / export.json.sha256 can state, and sign, the digest of the same bytes.
import { createHash } from 'node:crypto';
import { CompactSign } from 'jose';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballotRounds, ballots, inspections, members, progressReports, projectPlans, rectifications, sessions, supervisors } from '../db/schema.js';
import { bodyAndDescendants, findBody } from '../bodies/tree.js';
import { iso } from '../db/time.js';
import { photoUrls } from '../projects/progress.js';
import { csvLine, exportColumns } from './csv.js';
import { pageSize, projectPage } from './export-rows.js';
import { rulesOf } from '../projects/composite.js';
import { anyOf } from '../db/any.js';

type Format = 'csv' | 'json';

/** What the JSON export adds per project: plan, reports, inspections, rectifications, the supervisors' names. */
async function details(ctx: AppContext, pids: string[]) {
  if (!pids.length) return () => ({});
  const [plans, reports, insp, rect, group] = await Promise.all([
    ctx.db.select().from(projectPlans).where(anyOf(projectPlans.projectId, pids)),
    ctx.db.select().from(progressReports).where(anyOf(progressReports.projectId, pids)).orderBy(asc(progressReports.date), asc(progressReports.createdAt), asc(progressReports.id)),
    ctx.db.select().from(inspections).where(anyOf(inspections.projectId, pids)).orderBy(asc(inspections.date), asc(inspections.createdAt), asc(inspections.id)),
    ctx.db.select().from(rectifications).where(anyOf(rectifications.projectId, pids)).orderBy(asc(rectifications.date), asc(rectifications.createdAt), asc(rectifications.id)),
    ctx.db.select({ projectId: supervisors.projectId, name: members.name, lead: supervisors.lead }).from(supervisors).innerJoin(members, eq(members.id, supervisors.memberId))
      .where(anyOf(supervisors.projectId, pids)).orderBy(asc(members.name), asc(members.id)),
  ]);
  return (id: string) => {
    const plan = plans.find((x) => x.projectId === id);
    const g = group.filter((m) => m.projectId === id);
    return {
      plan: plan ? { targets: plan.targets, milestones: plan.milestones, funding: plan.funding, completionDate: plan.completionDate } : null,
      progress: reports.filter((r) => r.projectId === id).map((r) => ({ id: r.id, date: r.date, percent: r.percent, milestone: r.milestone, note: r.note, photos: photoUrls(r.photos) })),
      inspections: insp.filter((r) => r.projectId === id).map((r) => ({ id: r.id, date: r.date, findings: r.findings, photos: photoUrls(r.photos) })),
      rectifications: rect.filter((r) => r.projectId === id).map((r) => ({ id: r.id, date: r.date, note: r.note, photos: photoUrls(r.photos) })),
      supervisors: { lead: g.find((m) => m.lead)?.name ?? null, members: g.map((m) => m.name) },
    };
  };
}

/** Published ballots of the sessions of these bodies (in `year`, by the day of publication in Asia/Shanghai), a page at a time. */
async function* publishedBallots(ctx: AppContext, ids: string[], year: number | undefined) {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const conds: SQL[] = [anyOf(sessions.bodyId, ids), eq(ballots.state, 'published')];
    if (year !== undefined) conds.push(sql`extract(year from ${ballots.publishedAt} at time zone 'Asia/Shanghai') = ${year}`);
    if (after) conds.push(sql`(${ballots.publishedAt}, ${ballots.id}) > (${after.at}::timestamptz, ${after.id})`);
    const rows = await ctx.db.select({ b: ballots, sessionName: sessions.name, bodyId: sessions.bodyId, round: ballotRounds.round }).from(ballots)
      .innerJoin(sessions, eq(sessions.id, ballots.sessionId)).leftJoin(ballotRounds, eq(ballotRounds.ballotId, ballots.id))
      .where(and(...conds)).orderBy(asc(ballots.publishedAt), asc(ballots.id)).limit(50);
    for (const { b, sessionName, bodyId, round } of rows) {
      const result: Record<string, unknown> = { ...b.result };
      // A named (记名) motion is published by name; its member ids stay inside the system.
      if (Array.isArray(result.named)) result.named = (result.named as { name: string; vote: string }[]).map(({ name, vote }) => ({ name, vote }));
      // An evaluation (评议) says what each option stands for: a department or a representative, by name only.
      const subjects = b.kind === 'evaluation' ? { subjects: (b.options ?? []).map((o) => ({ optionId: o.id, kind: o.subject?.kind ?? 'department', name: o.title })) } : {};
      yield { id: b.id, sessionId: b.sessionId, sessionName, bodyId, kind: b.kind, title: b.title, round: round ?? null, publishedAt: iso(b.publishedAt!), ...subjects, result };
    }
    if (rows.length < 50) return;
    const last = rows[rows.length - 1].b;
    after = { at: last.publishedAt!, id: last.id };
  }
}

/** The export as a sequence of text chunks (about one page of projects each). */
export async function* exportChunks(ctx: AppContext, bodyId: string, year: number | undefined, format: Format): AsyncGenerator<string> {
  const body = await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  if (format === 'csv') yield `\uFEFF${csvLine(exportColumns.map((c) => c.name))}`;
  else yield `{"bodyId":${JSON.stringify(bodyId)},"bodyName":${JSON.stringify(body.name)},"year":${year ?? null},"projects":[`;
  let after: { year: number; id: string } | null = null;
  let first = true;
  for (;;) {
    const page = await projectPage(ctx, ids, year, after);
    if (!page.length) break;
    if (format === 'csv') {
      yield page.map((p) => csvLine(exportColumns.map((c) => c.value(p)))).join('');
    } else {
      const more = await details(ctx, page.map((p) => p.id));
      let chunk = '';
      for (const p of page) {
        chunk += `${first ? '' : ','}${JSON.stringify({ ...p, ...more(p.id) })}`;
        first = false;
      }
      yield chunk;
    }
    if (page.length < pageSize) break;
    after = { year: page[page.length - 1].year, id: page[page.length - 1].id };
  }
  if (format === 'csv') return;
  yield '],"ballots":[';
  first = true;
  for await (const b of publishedBallots(ctx, ids, year)) {
    yield `${first ? '' : ','}${JSON.stringify(b)}`;
    first = false;
  }
  // The bodies' published rules for the combined satisfaction: with each project's grades, ratings and
  // surveys, enough to recompute its `composite` (scripts/verify.ts --export).
  yield `],"rules":${JSON.stringify(await rulesOf(ctx.db, ids))}}`;
}

const encoder = new TextEncoder();

/** The streamed download: a pull-based stream, so a slow client holds the database cursor, not memory. */
export async function exportResponse(ctx: AppContext, bodyId: string, year: number | undefined, format: Format): Promise<Response> {
  await findBody(ctx.db, bodyId); // an unknown body is a 404 before anything is streamed
  const chunks = exportChunks(ctx, bodyId, year, format);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        // Headers are sent: the client sees a cut download (no closing bracket / short CSV), the log says why.
        console.error('export failed mid-stream', err);
        controller.error(err);
      }
    },
    async cancel() { await chunks.return(undefined); },
  });
  const name = `minsheng-${bodyId}-${year ?? 'all'}.${format}`;
  return new Response(stream, {
    status: 200,
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'public, no-cache',
    },
  });
}

/**
 * export.csv.sha256 / export.json.sha256: the SHA-256 of the bytes the download gives now, computed by
 * streaming the same export through the hash, and signed with the result-signing key (GET /api/public/keys),
 * so the download page can show a digest that a copy can be checked against.
 */
export async function exportDigest(ctx: AppContext, bodyId: string, year: number | undefined, format: Format) {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of exportChunks(ctx, bodyId, year, format)) {
    const b = encoder.encode(chunk);
    bytes += b.length;
    hash.update(b);
  }
  const payload = { file: `export.${format}`, bodyId, year: year ?? null, sha256: hash.digest('hex'), bytes };
  const signature = await new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: ctx.secrets.publicJwk.kid, typ: 'minsheng-export-digest+json' })
    .sign(ctx.secrets.signingKey);
  return { ...payload, signature };
}
