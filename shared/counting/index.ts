export { defaultQuorum, quorumMet } from './quorum';
export { selectWinners } from './selection';
export type { SelectionCounts, SelectionInput, SelectionOutcome } from './selection';
export { gradeProject } from './satisfaction';
export type { SatisfactionCounts, GradeOutcome } from './satisfaction';
export { motionPasses } from './motion';
export { emptyTally, tallyChoices, addChoices, computeResult } from './tally';
export type { ResultContext } from './tally';
