export { defaultQuorum, quorumMet } from './quorum.js';
export { selectWinners } from './selection.js';
export type { SelectionCounts, SelectionInput, SelectionOutcome } from './selection.js';
export { gradeProject } from './satisfaction.js';
export type { SatisfactionCounts, GradeOutcome } from './satisfaction.js';
export { motionPasses } from './motion.js';
export { emptyTally, tallyChoices, addChoices, computeResult } from './tally.js';
export type { ResultContext } from './tally.js';
