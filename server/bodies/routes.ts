// Bodies, staff accounts and members (API.md "Bodies, users, members").
import { bodyInput, membersInput, phoneInput, userInput } from '../../shared/schemas.js';
import { DomainError, invalid } from '../core/errors.js';
import { readText } from '../http/json.js';
import { route } from '../http/route.js';
import { addMembers, createBody, createUser, listBodies, listMembers, regenerateCode, setMemberPhone } from './service.js';
import { parseMembersCsv } from './csv.js';

export const bodyRoutes = [
  route({
    method: 'GET', path: '/bodies', summary: 'Every body (city, counties, townships) with its parent', roles: ['public'],
    handler: (ctx) => listBodies(ctx),
  }),
  route({
    method: 'POST', path: '/bodies', summary: 'Create a body below one the admin covers (at the top: a deployment-wide admin only)', status: 201, body: bodyInput,
    command: createBody, input: (r) => r.body,
  }),
  route({
    method: 'POST', path: '/users', summary: 'Create a staff account (admin, presider or department) of a body', status: 201, body: userInput,
    errors: ['username_taken'], command: createUser, input: (r) => r.body,
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/members', summary: 'Add members; answers each one\'s sign-in code, shown only here and on regeneration', status: 201, body: membersInput,
    command: addMembers, input: (r) => ({ bodyId: r.params.bodyId, members: r.body.members }),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/members/import', summary: 'Add members from a roster CSV (`name,delegation,kind`, optionally `,phone`); every bad row named, nothing half-imported',
    rawBody: ['text/csv'], status: 201, command: addMembers,
    input: async (r) => {
      if (!/^text\/(csv|plain)\b/i.test(r.c.req.header('content-type') ?? '')) {
        throw new DomainError(415, 'unsupported_media_type', '需要 text/csv / expected text/csv');
      }
      const text = await readText(r.c);
      if (text.includes('\u0000')) throw invalid('CSV 含有 NUL 字符 / CSV contains NUL');
      return { bodyId: r.params.bodyId, members: parseMembersCsv(text) };
    },
  }),
  route({
    method: 'POST', path: '/members/:memberId/code', summary: 'A new sign-in code for a lost card; the old one stops working at once', extension: true,
    command: regenerateCode, input: (r) => ({ memberId: r.params.memberId }),
  }),
  route({
    method: 'PUT', path: '/members/:memberId/phone', summary: 'Set or remove the mobile number a member\'s notices go to (admins of the body only ever see it)', extension: true,
    body: phoneInput, command: setMemberPhone, input: (r) => ({ memberId: r.params.memberId, phone: r.body.phone }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/members', summary: 'The body\'s members (never their codes)', roles: ['admin', 'presider'],
    handler: (ctx, r) => listMembers(ctx, r.actor, r.params.bodyId),
  }),
];
