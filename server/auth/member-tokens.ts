// A member's sign-in lasts only as long as the code it was made with: regenerating the code (a lost card) raises
// the member's token generation, and a token of an older generation is refused (401) on every request and by the
// live channel, whichever server process it reaches. The vote checks it inside its own statement (ballots/cast.ts).
import type { RawQuery } from '../db/connect.js';
import type { MemberPrincipal } from '../core/principal.js';
import { DomainError } from '../core/errors.js';

export async function memberTokenCurrent(query: RawQuery, p: MemberPrincipal): Promise<boolean> {
  const [row] = await query<{ g: number }>('select token_generation as g from members where id = $1', [p.memberId]);
  return !!row && Number(row.g) === p.gen;
}

export const staleSignIn = () => new DomainError(401, 'unauthorized', '登录码已更换，请用新的代表卡重新登录 / your sign-in code was replaced: sign in with the new card');

/** The live channel's room of every socket a member signed in with (closed when the code is regenerated). */
export const memberSignInRoom = (memberId: string) => `signin:${memberId}`;
