// The demo county plays a whole session: motion, selection with a tie and its runoff, satisfaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { runDemoSession, selectionYes, satisfactionVotes } from '../../scripts/demo-session.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(server.ctx);
}, 60_000);
afterAll(async () => { await server?.close(); });

describe('the demo session', () => {
  it('runs from check-in to published results', async () => {
    const { congressId, committeeId } = await runDemoSession(server.call, () => {});
    const presider = (await server.call('POST', '/api/auth/login', { json: { username: 'presider', password: 'minsheng-presider' } })).body.token;
    const congress = (await server.call('GET', `/api/sessions/${congressId}`, { token: presider })).body;
    expect(congress.present).toBe(300);
    const byKind = (k: string) => congress.ballots.filter((b: any) => b.kind === k);
    const [motion] = byKind('motion');
    const [selection, runoff] = byKind('selection');
    const results = await Promise.all([motion, selection, runoff].map(async (b) => (await server.call('GET', `/api/ballots/${b.id}/result`)).body));
    expect(results[0]).toMatchObject({ yes: 280, no: 10, abstain: 10, passed: true });
    // Candidates 10 and 11 tie at 180 for the last seat: nine selected, two tied.
    expect(results[1].selected).toHaveLength(9);
    expect(results[1].tied).toHaveLength(2);
    expect(results[1].options.map((o: any) => o.yes)).toEqual(selectionYes);
    expect(results[2]).toMatchObject({ seats: 1, shortfall: 0 });
    expect(results[2].selected).toHaveLength(1);
    const committee = (await server.call('GET', `/api/sessions/${committeeId}`, { token: presider })).body;
    const sat = (await server.call('GET', `/api/ballots/${committee.ballots[0].id}/result`)).body;
    expect(sat.options.map((o: any) => [o.satisfied, o.basic, o.unsatisfied])).toEqual(satisfactionVotes);
    expect(sat.options.map((o: any) => o.grade)).toEqual(['满意', '满意', '基本满意', '满意', '满意', '满意', '满意', '基本满意', '不满意', '满意']);
  }, 120_000);
});
