// The Project's statuses and the transitions between them, defined once (API.md "Collection and screening").
// The server refuses a transition this definition does not allow (server/projects/transitions.ts); the
// staff and department screens ask it which actions a project still allows.

export const projectStatuses = ['draft', 'assessed', 'infeasible', 'candidate', 'selected', 'not_selected', 'withdrawn'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface StatusRule {
  /** shown on the public site: always, or (infeasible) once its assessment is published with its year's list */
  public: 'always' | 'once_assessment_published' | 'never';
  /** staff may still edit, screen, re-assess or withdraw it (before the candidate list decides it) */
  editable: boolean;
  /** may be kept in the body's reserve (储备库) for a later year */
  reservable: boolean;
  /** a candidate list or a published vote has decided it: 409 project_locked for the editing use cases */
  locked: boolean;
}

export const statusRules: Readonly<Record<ProjectStatus, StatusRule>> = {
  draft: { public: 'never', editable: true, reservable: false, locked: false },
  assessed: { public: 'never', editable: true, reservable: false, locked: false },
  infeasible: { public: 'once_assessment_published', editable: true, reservable: true, locked: false },
  candidate: { public: 'always', editable: false, reservable: false, locked: true },
  selected: { public: 'always', editable: false, reservable: false, locked: true },
  not_selected: { public: 'always', editable: false, reservable: true, locked: true },
  withdrawn: { public: 'never', editable: false, reservable: false, locked: false },
};

/** The use cases that move a project from one status to another. */
export type ProjectUseCase = 'createProject' | 'assessProject' | 'withdrawProject' | 'approveCandidateList' | 'publishSelection';

export interface Transition {
  useCase: ProjectUseCase;
  from: readonly (ProjectStatus | null)[];
  to: readonly ProjectStatus[];
  /** the 409 code the API answers when the project is in none of `from` */
  refusal: string;
}

const editable = projectStatuses.filter((s) => statusRules[s].editable);

export const transitions: readonly Transition[] = [
  { useCase: 'createProject', from: [null], to: ['draft'], refusal: 'project_locked' },
  // A department may assess again (feasible ↔ infeasible) until the list is approved.
  { useCase: 'assessProject', from: editable, to: ['assessed', 'infeasible'], refusal: 'project_locked' },
  { useCase: 'withdrawProject', from: editable, to: ['withdrawn'], refusal: 'project_locked' },
  { useCase: 'approveCandidateList', from: ['assessed'], to: ['candidate'], refusal: 'project_not_assessed' },
  // A ballot may be held over projects of any status but withdrawn (API.md "Ballots"); its publication decides
  // them. `tied` ones are not moved and stay candidates until their runoff is published.
  {
    useCase: 'publishSelection', from: ['draft', 'assessed', 'infeasible', 'candidate', 'selected', 'not_selected'], to: ['selected', 'not_selected'],
    refusal: 'project_withdrawn',
  },
];

export function transitionOf(useCase: ProjectUseCase): Transition {
  return transitions.find((t) => t.useCase === useCase)!;
}

/** Whether `useCase` may move a project in status `from` to `to`. */
export function canMove(useCase: ProjectUseCase, from: ProjectStatus | null, to: ProjectStatus): boolean {
  const t = transitionOf(useCase);
  return t.from.includes(from) && t.to.includes(to);
}

export const isProjectStatus = (s: string): s is ProjectStatus => (projectStatuses as readonly string[]).includes(s);

/** Staff may still change it (edit, screening checklist, assessment, withdrawal). */
export const isEditable = (s: string) => isProjectStatus(s) && statusRules[s].editable;
/** Decided by an approved list or a published vote. */
export const isLocked = (s: string) => isProjectStatus(s) && statusRules[s].locked;
export const isReservable = (s: string) => isProjectStatus(s) && statusRules[s].reservable;

/** Statuses the public always sees. */
export const alwaysPublicStatuses = projectStatuses.filter((s) => statusRules[s].public === 'always');
/** Statuses the public sees once the assessment is published (with their reason). */
export const publicOnceAssessedStatuses = projectStatuses.filter((s) => statusRules[s].public === 'once_assessment_published');

/** Whether the public sees a project in this status, given whether its assessment has been published. */
export function isPublicStatus(s: string, assessmentPublished: boolean): boolean {
  if (!isProjectStatus(s)) return false;
  const rule = statusRules[s].public;
  return rule === 'always' || (rule === 'once_assessment_published' && assessmentPublished);
}
