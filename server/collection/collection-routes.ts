// 征集 Collection routes (API.md "Collection and screening"): windows, stations, suggestions, the inbox.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { parseWith, readJson } from '../http/json.js';
import { requirePrincipal, requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { clientAddress } from '../http/address.js';
import {
  inboxQuery, mergeInput, mergeManyInput, similarTextQuery, stationInput, suggestionInput, suggestionStatusInput,
  suggestionStatusManyInput, windowInput, yearQuery,
} from '../../shared/collection-schemas.js';
import { createWindow, listWindows, publicCollection } from './windows.js';
import { createStation, listStations } from './stations.js';
import { mySuggestions, submitSuggestion, trackSuggestion } from './suggestions.js';
import { listInbox } from './inbox.js';
import { publicSimilar, similarSuggestions } from './similar.js';
import { mergeSuggestions, setSuggestionStatus } from './decisions.js';

export function collectionRoutes(ctx: AppContext) {
  const address = (c: Context) => clientAddress(c, ctx.trustProxy);
  return new Hono<AppEnv>()
    .post('/bodies/:bodyId/collection', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await createWindow(ctx, actor, pathId(c, 'bodyId'), await readJson(c, windowInput)), 201);
    })
    .get('/bodies/:bodyId/collection', async (c) => c.json(await listWindows(ctx, requireStaff(c, ['admin', 'presider']), pathId(c, 'bodyId'))))
    .get('/public/bodies/:bodyId/collection', async (c) => {
      const { year } = parseWith(yearQuery, c.req.query());
      return c.json(await publicCollection(ctx, pathId(c, 'bodyId'), year));
    })
    .post('/bodies/:bodyId/stations', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await createStation(ctx, actor, pathId(c, 'bodyId'), await readJson(c, stationInput)), 201);
    })
    .get('/public/bodies/:bodyId/stations', async (c) => c.json(await listStations(ctx, pathId(c, 'bodyId'))))
    .post('/bodies/:bodyId/suggestions', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      const who = c.get('principal');
      const input = await readJson(c, suggestionInput);
      // A resident without an account is limited per address; a signed-in clerk or representative is not.
      if (!who) await ctx.publicLimits.suggestion(address(c));
      return c.json(await submitSuggestion(ctx, who?.kind === 'screen' ? null : who, bodyId, input), 201);
    })
    .get('/public/bodies/:bodyId/similar', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      const { text } = parseWith(similarTextQuery, c.req.query());
      await ctx.publicLimits.lookup(address(c));
      return c.json(await publicSimilar(ctx, bodyId, text));
    })
    .get('/me/suggestions', async (c) => c.json(await mySuggestions(ctx, requirePrincipal(c))))
    .get('/bodies/:bodyId/suggestions', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      return c.json(await listInbox(ctx, actor, bodyId, parseWith(inboxQuery, c.req.query())));
    })
    .post('/bodies/:bodyId/suggestions/merge', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      const { into, ids } = await readJson(c, mergeManyInput);
      return c.json(await mergeSuggestions(ctx, actor, ids, into, bodyId));
    })
    .post('/bodies/:bodyId/suggestions/status', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      const { ids, status, reason } = await readJson(c, suggestionStatusManyInput);
      return c.json(await setSuggestionStatus(ctx, actor, ids, status, reason, bodyId));
    })
    .get('/suggestions/:code', async (c) => {
      await ctx.publicLimits.lookup(address(c));
      return c.json(await trackSuggestion(ctx, c.req.param('code')));
    })
    .get('/suggestions/:id/similar', async (c) => c.json(await similarSuggestions(ctx, requireStaff(c, ['admin']), pathId(c, 'id'))))
    .post('/suggestions/:id/merge', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = pathId(c, 'id');
      const { into } = await readJson(c, mergeInput);
      return c.json(await mergeSuggestions(ctx, actor, [id], into));
    })
    .put('/suggestions/:id/status', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = pathId(c, 'id');
      const { status, reason } = await readJson(c, suggestionStatusInput);
      const [one] = await setSuggestionStatus(ctx, actor, [id], status, reason);
      return c.json(one);
    });
}
