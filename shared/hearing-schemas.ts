// Inputs of hearings (听取报告): a 专项报告 or a 述职 heard before an evaluation ballot, on the session's agenda.
import { z } from 'zod';
import { id, text } from './schemas.js';

export const hearingKinds = ['special_report', 'duty_report'] as const;
export type HearingKind = (typeof hearingKinds)[number];

/** Who reports: a representative of the body (述职) by id, or anyone else by name and post (a department's head). */
const reporter = z.union([
  z.strictObject({ memberId: id, post: text(100).optional().nullable() }),
  z.strictObject({ name: text(50), post: text(100).optional().nullable() }),
]);

export const hearingInput = z.strictObject({
  kind: z.enum(hearingKinds),
  title: text(200),
  reporter,
  /** an uploaded document (POST /api/files/documents) */
  fileId: id.optional().nullable(),
  /** the evaluation ballot of the same session that follows the hearing */
  ballotId: id.optional().nullable(),
  /** place on the agenda, 1 first; omitted: after the others */
  position: z.number().int().min(1).max(1000).optional(),
}).superRefine((h, c) => {
  // A 述职 is a representative's own report: it names the member, so the tablet shows who they are.
  if (h.kind === 'duty_report' && !('memberId' in h.reporter)) {
    c.addIssue({ code: 'custom', path: ['reporter', 'memberId'], message: '述职须选择一名代表 / a duty report names a member' });
  }
});
export type HearingInput = z.infer<typeof hearingInput>;

/** A hearing's document is a PDF (POST /api/files/documents). */
export const documentMime = 'application/pdf';
