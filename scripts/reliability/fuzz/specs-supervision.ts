// The hand specs of 督办单 (supervision tasks): who of the world reads the selected project's tasks.
import type { World } from './world.js';
import type { EndpointSpec } from './types.js';

export function supervisionSpecs(w: World): EndpointSpec[] {
  const T = w.tokens;
  return [
    { method: 'GET', path: '/api/projects/:id/tasks',
      narrow: { allowed: [T.root, T.adminB, T.deptB, T.members[0]], refused: T.members.slice(1), why: 'only member 0 is in the supervision group: the others are refused 403 not_supervisor' } },
  ];
}
