// Shapes exchanged between server, client and verifier (API.md is the contract).

export type Role = 'admin' | 'presider' | 'department';
export type BodyLevel = 'city' | 'county' | 'township';
export type MemberKind = 'rep' | 'committee';
export type SessionKind = 'congress' | 'committee';

export type BallotKind = 'selection' | 'satisfaction' | 'motion' | 'evaluation';
export type BallotForm = 'per_candidate' | 'choose_n';
export type BaseRule = 'roster' | 'present';
export type BallotState = 'draft' | 'open' | 'closed' | 'published' | 'cancelled';

export type YesNoAbstain = 'yes' | 'no' | 'abstain';
export type SatisfactionChoice = 'satisfied' | 'basic' | 'unsatisfied';
export type Grade = '满意' | '基本满意' | '不满意';
export type OptionStatus = 'selected' | 'tied' | 'passed_not_selected' | 'not_passed';

/** What a member submits, per ballot kind (API.md "Casting"). */
export type Choices =
  | Record<string, YesNoAbstain> // selection per_candidate
  | { selected: string[] } // selection choose_n
  | Record<string, SatisfactionChoice> // satisfaction, evaluation graded
  | Record<string, number> // evaluation scored (无记名打分)
  | { vote: YesNoAbstain }; // motion

export interface Quorum {
  num: number;
  den: number;
  /** strict: present*den > roster*num; otherwise present*den >= roster*num */
  strict: boolean;
}

export interface SelectionOptionResult {
  id: string;
  title: string;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
  status: OptionStatus;
}

export interface SatisfactionOptionResult {
  id: string;
  title: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  grade: Grade;
  rate: number;
}

interface ResultBase {
  ballotId: string;
  base: number;
  baseRule: BaseRule;
  eligible: number;
  cast: number;
}

export interface SelectionResult extends ResultBase {
  kind: 'selection';
  form: BallotForm;
  seats: number;
  options: SelectionOptionResult[];
  selected: string[];
  tied: string[];
  shortfall: number;
}

export interface SatisfactionResult extends ResultBase {
  kind: 'satisfaction';
  options: SatisfactionOptionResult[];
  /** 子项 rated one by one: the options are items (or whole projects without items) */
  byItem?: true;
  /** byItem only: each project once, in ballot order, graded from its items' counts summed (base × items) */
  projects?: ProjectByItemResult[];
}

/** One item's grade of a project rated item by item (API.md `grades[].items`). */
export interface ItemGradeResult {
  itemId: string;
  title: string;
  grade: Grade;
  rate: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

/** A project of a byItem satisfaction ballot: its own grade, and its items' when it has items. */
export interface ProjectByItemResult {
  id: string;
  title: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  grade: Grade;
  rate: number;
  /** absent when the project had no items and was rated whole */
  items?: ItemGradeResult[];
}

/** An option that is one item (子项) of a project, in a byItem satisfaction ballot. */
export interface ItemRef {
  projectId: string;
  projectTitle: string;
  /** the item's own title (the option's title shows project and item) */
  title: string;
}

export interface MotionResult extends ResultBase {
  kind: 'motion';
  question: string;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
  named?: { memberId: string; name: string; vote: YesNoAbstain }[];
}

/** An evaluation (评议): graded like a satisfaction ballot, or scored with means, ranks and flags. */
export interface EvaluationResult extends ResultBase {
  kind: 'evaluation';
  form: 'grade' | 'score';
  scale?: { min: number; max: number };
  flags?: { red: number; black: number };
  options: (SatisfactionOptionResult | ScoreOptionResult)[];
}

export interface ScoreOptionResult {
  id: string;
  title: string;
  count: number;
  mean: number;
  rank: number;
  flag?: 'red' | 'yellow' | 'black';
}

export type BallotResult = SelectionResult | SatisfactionResult | MotionResult | EvaluationResult;

/** Live tally while a ballot is open (presider/admin only). Same counts shape as a result's options. */
export type Tally =
  | { kind: 'selection'; options: { id: string; yes: number; no: number; abstain: number }[] }
  | { kind: 'satisfaction'; options: { id: string; satisfied: number; basic: number; unsatisfied: number }[] }
  | { kind: 'motion'; yes: number; no: number; abstain: number }
  | { kind: 'evaluation'; form: 'grade'; options: { id: string; satisfied: number; basic: number; unsatisfied: number }[] }
  | { kind: 'evaluation'; form: 'score'; options: { id: string; count: number; sum: number }[] };

export interface BallotOption {
  id: string;
  title: string;
  /** an evaluation's subject: a department by name or a member */
  subject?: EvaluationSubject;
  /** a byItem satisfaction ballot's item option: which project it belongs to */
  item?: ItemRef;
  department?: string | null;
  investment?: number | null;
  category?: string | null;
}

/** The published ballot box manifest: enough for anyone to recompute the result. */
export interface BoxManifest {
  ballotId: string;
  sessionId: string;
  title: string;
  kind: BallotKind;
  form?: BallotForm;
  seats?: number;
  question?: string;
  /** evaluation ballots: graded or scored, the scale and the flags */
  evaluation?: EvaluationRule;
  /** false only for a named (记名) motion, whose box is empty and whose result lists votes by name. */
  secret?: boolean;
  /** a satisfaction ballot rating items one by one (its item options carry `item`) */
  byItem?: true;
  options: { id: string; title: string; item?: ItemRef }[];
  baseRule: BaseRule;
  base: number;
  eligible: number;
  cast: number;
  openedAt: string | null;
  closedAt: string | null;
  rule: string;
}

export interface BoxEntry {
  receipt: string;
  choices: Choices;
}

export interface BallotBox {
  ballot: BoxManifest;
  entries: BoxEntry[];
  digest: string;
}

export interface SessionSnapshot {
  sessionId: string;
  rosterSize: number;
  present: number;
  quorumMet: boolean;
  state: string;
  version: number;
}

/** How an evaluation ballot is counted (what the verifier needs; the subjects are its options). */
export interface EvaluationRule {
  form: 'grade' | 'score';
  scale?: { min: number; max: number };
  flags?: { red: number; black: number };
}

/** What an evaluation ballot (评议, 述职评议, 无记名打分) evaluates and how (API.md "Evaluation"). */
export type EvaluationSubject = { kind: 'department'; name: string } | { kind: 'member'; memberId: string };
export interface EvaluationSpec {
  subjects: EvaluationSubject[];
  /** grade: 满意/基本满意/不满意 by the satisfaction rule; score: secret integer scores */
  form: 'grade' | 'score';
  scale?: { min: number; max: number };
  flags?: { red: number; black: number };
}
