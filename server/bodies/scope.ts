// The scope of a command that acts within a body named in its path (core/command.ts): 404 for an unknown
// body, then staff must cover it.
import type { CommandContext } from '../core/command.js';
import { findBody, type BodyRow } from './tree.js';

export async function inBody(cx: CommandContext<unknown>, input: { bodyId: string }): Promise<{ bodyId: string; body: BodyRow }> {
  const body = await findBody(cx.tx, input.bodyId);
  return { bodyId: body.id, body };
}
