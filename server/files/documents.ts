// Documents (a hearing's 专项报告 or 述职报告 as a PDF): checked to be a PDF, kept in PostgreSQL beside the
// photos (the same `files` table, with no size in pixels and no thumbnail), served by GET /api/files/:id.
// A PDF is not re-encoded: it is served as an attachment-free `application/pdf` inside a sandbox (routes.ts).
import { createHash } from 'node:crypto';
import { files } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { DomainError } from '../core/errors.js';
import { actorName } from '../audit/log.js';
import { command } from '../core/command.js';
import { documentMime } from '../../shared/hearing-schemas.js';

export const maxDocumentBytes = 20 * 1024 * 1024;
export { documentMime };

const invalidDocument = (why: string) => new DomainError(422, 'invalid_document', `文件不是 PDF：${why} / not a PDF document`);

/** The declared type must be PDF (415), the bytes must start like one and end like one (422). */
export function checkDocument(contentType: string | undefined, bytes: Uint8Array): Uint8Array {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type !== documentMime) throw new DomainError(415, 'unsupported_media_type', '只接受 PDF 文件 / only application/pdf');
  if (bytes.length === 0) throw invalidDocument('空文件 / empty');
  if (bytes.length > maxDocumentBytes) throw new DomainError(413, 'payload_too_large', '文件不能超过 20 MB / at most 20 MB');
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-') throw invalidDocument('缺少 PDF 文件头 / no %PDF- header');
  // The end-of-file marker sits in the last kilobyte of a whole PDF; a cut-off upload has none.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) throw invalidDocument('文件不完整 / truncated (no %%EOF)');
  return bytes;
}

/** storeDocument: staff of a body upload a hearing's document; it is on no page until a hearing names it. */
export const storeDocument = command<Uint8Array>()({
  action: 'file.uploaded', stage: 'implementation', roles: ['admin', 'presider'],
  scope: async (cx) => ({ bodyId: cx.actor.bodyId }),
  run: async (cx, bytes) => {
    const id = newId();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await cx.tx.insert(files).values({
      id, mime: documentMime, width: 0, height: 0, size: bytes.length, sha256, bytes,
      thumbMime: documentMime, thumb: new Uint8Array(0), uploadedBy: actorName(cx.actor),
    });
    return { id, url: `/api/files/${id}`, mime: documentMime, size: bytes.length };
  },
  audit: (out) => ({ subject: { kind: 'file', id: out.id, label: null }, detail: { mime: out.mime, size: out.size } }),
});
