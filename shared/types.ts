// Shapes exchanged between server, client and verifier (API.md is the contract).

export type Role = 'admin' | 'presider' | 'department';
export type BodyLevel = 'city' | 'county' | 'township';
export type MemberKind = 'rep' | 'committee';
export type SessionKind = 'congress' | 'committee';

export type BallotKind = 'selection' | 'satisfaction' | 'motion';
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
  | Record<string, SatisfactionChoice> // satisfaction
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

export type BallotResult = SelectionResult | SatisfactionResult | MotionResult;

/** Live tally while a ballot is open (presider/admin only). Same counts shape as a result's options. */
export type Tally =
  | { kind: 'selection'; options: { id: string; yes: number; no: number; abstain: number }[] }
  | { kind: 'satisfaction'; options: { id: string; satisfied: number; basic: number; unsatisfied: number }[] }
  | { kind: 'motion'; yes: number; no: number; abstain: number };

export interface BallotOption {
  id: string;
  title: string;
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
  /** false only for a named (记名) motion, whose box is empty and whose result lists votes by name. */
  secret?: boolean;
  options: { id: string; title: string }[];
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

/** What an evaluation ballot (评议, 述职评议, 无记名打分) evaluates and how (API.md "Evaluation"). */
export type EvaluationSubject = { kind: 'department'; name: string } | { kind: 'member'; memberId: string };
export interface EvaluationSpec {
  subjects: EvaluationSubject[];
  /** grade: 满意/基本满意/不满意 by the satisfaction rule; score: secret integer scores */
  form: 'grade' | 'score';
  scale?: { min: number; max: number };
  flags?: { red: number; black: number };
}
