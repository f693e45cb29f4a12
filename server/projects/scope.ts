// Scopes of the commands that act on one project (core/command.ts): the project, found and locked FOR
// UPDATE, its body for the staff check, and for a department user its carrier.
import type { CommandContext } from '../core/command.js';
import { findProject, type ProjectRow } from './find.js';

export interface ProjectScope { bodyId: string; project: ProjectRow; carrier?: { department: string; message: string } }

/** The project of `input.projectId`, locked. */
export async function lockedProject(cx: CommandContext<unknown>, input: { projectId: string }): Promise<ProjectScope> {
  const project = await findProject(cx.tx, input.projectId, true);
  return { bodyId: project.bodyId, project };
}

/** The same, where a department user must be the project's carrying department (403 not_your_department). */
export const carriedProject = (message: string) => async (cx: CommandContext<unknown>, input: { projectId: string }): Promise<ProjectScope> => {
  const scope = await lockedProject(cx, input);
  return { ...scope, carrier: { department: scope.project.department, message } };
};
