// Where the app is assembled, the stages subscribe to each other's events (core/events.ts): no stage imports
// another, and this file is the one place that says which stage reacts to what.
import { EventBus } from './core/events.js';
import type { CommandContext } from './core/command.js';
import { adoptIntoProject, releaseFromProject } from './collection/adopt.js';
import { applySelection } from './screening/apply-selection.js';
import { recordGrades } from './implementation/grades.js';
import { openOnRed } from './supervision/open.js';

export function stageEvents(): EventBus<CommandContext> {
  return new EventBus<CommandContext>()
    // collection: suggestions adopted into a new project, or waiting again when it is withdrawn
    .on('project.created', adoptIntoProject)
    .on('project.withdrawn', releaseFromProject)
    // screening writes the selection back; evaluation records the grades of a satisfaction ballot
    .on('ballot.published', applySelection)
    .on('ballot.published', recordGrades)
    // supervision: a write that leaves a project red opens its 督办单 (after the commit)
    .on('project.execution_changed', openOnRed);
}
