// The demo's dossier (材料提前送达): the 2027 vote's candidate material was sent to the congress's members two
// days before, and the members with a phone were told (the notices already sent).
import type { Tx } from '../db/connect.js';
import { dossiers, outbox } from '../db/schema.js';
import { newId } from '../db/ids.js';

export async function seedDossier(tx: Tx, o: {
  bodyId: string; sessionId: string; sessionName: string; projectIds: string[]; sentBy: string | null; origin: string; phones: { name: string; phone: string }[]; now: Date;
}) {
  const sentAt = new Date(o.now.getTime() - 2 * 86_400_000).toISOString();
  await tx.insert(dossiers).values({ sessionId: o.sessionId, projectIds: o.projectIds, sentAt, sentBy: o.sentBy });
  const link = `${o.origin}/tablet/${o.sessionId}/dossier`;
  if (!o.phones.length) return;
  await tx.insert(outbox).values(o.phones.map((m) => ({
    id: newId(), bodyId: o.bodyId, kind: 'dossier' as const, to: m.phone, status: 'sent' as const, attempts: 1,
    text: `【民生实事】${o.sessionName}会议材料已送达，请在平板上阅读：${link}`,
    params: { session: o.sessionName, name: m.name, link }, createdAt: sentAt, nextAt: sentAt, sentAt,
  })));
}
