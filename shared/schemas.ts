// Every input the API accepts, validated with zod on the server and reused by the client's forms.
import { z } from 'zod';

/** Trimmed text without NUL (PostgreSQL cannot store it) and with a sane upper bound. */
export const text = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).refine((s) => !s.includes('\u0000'), '不能包含 NUL 字符 / no NUL characters');

export const id = z.string().regex(/^[0-9a-z]{1,40}$/, '无效的编号 / invalid id');

export const loginInput = z.strictObject({ username: text(64), password: z.string().min(1).max(256) });
export const memberLoginInput = z.strictObject({ code: text(32) });

export const bodyInput = z.strictObject({
  name: text(100),
  level: z.enum(['city', 'county', 'township']),
  parentId: id.optional().nullable(),
});

/** A mainland mobile number for notices to people: 11 digits starting with 1 (spaces and dashes dropped). */
export const mobile = z.preprocess((v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v),
  z.string().regex(/^1\d{10}$/, '手机号应为 11 位、以 1 开头 / a mobile number has 11 digits starting with 1'));

export const userInput = z.strictObject({
  username: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, '用户名只能包含字母、数字、_ . - / letters, digits, _ . - only'),
  password: z.string().min(8, '密码至少 8 位 / at least 8 characters').max(256),
  role: z.enum(['admin', 'presider', 'department']),
  bodyId: id,
  department: text(100).optional().nullable(),
  phone: mobile.optional().nullable(),
});

export const memberInput = z.strictObject({
  name: text(50),
  delegation: text(100).optional().nullable(),
  kind: z.enum(['rep', 'committee']).optional(),
  phone: mobile.optional().nullable(),
});

export const phoneInput = z.strictObject({ phone: mobile.nullable() });

export const membersInput = z.strictObject({ members: z.array(memberInput).min(1).max(5000) });

export const quorumInput = z.strictObject({
  num: z.number().int().min(1).max(100),
  den: z.number().int().min(1).max(100),
  strict: z.boolean(),
}).refine((q) => q.num <= q.den, { message: '法定人数比例不能超过 1 / quorum fraction must be at most 1' });

export const sessionInput = z.strictObject({
  name: text(200),
  kind: z.enum(['congress', 'committee']),
  memberIds: z.array(id).max(10000).optional(),
  quorum: quorumInput.optional(),
});

export const attendanceInput = z.strictObject({ present: z.boolean(), note: text(200, 0).optional().nullable() });

export const categories = ['教育', '医疗卫生', '养老服务', '交通出行', '城乡建设', '生态环境', '文化体育', '社会保障', '就业创业', '农业农村', '食品安全', '公共安全', '其他'] as const;

export const projectInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  description: text(5000),
  category: z.enum(categories),
  department: text(100),
  investment: z.number().finite().min(0).max(1e9).optional().nullable(),
  targets: z.array(text(200)).max(50).optional(),
  suggestionIds: z.array(id).max(500).optional(),
});

export const ballotInput = z.strictObject({
  kind: z.enum(['selection', 'satisfaction', 'motion', 'evaluation']),
  title: text(200),
  projectIds: z.array(id).min(1).max(200).optional(),
  seats: z.number().int().min(1).max(200).optional(),
  /** selection: per_candidate | choose_n; evaluation: grade (满意/基本满意/不满意) | score (无记名打分) */
  form: z.enum(['per_candidate', 'choose_n', 'grade', 'score']).optional(),
  /** evaluation: departments (and their heads) or representatives (述职评议), in ballot order */
  subjects: z.array(z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('department'), name: text(100) }),
    z.strictObject({ kind: z.literal('member'), memberId: id }),
  ])).min(1).max(200).optional(),
  /** evaluation by score: the scale (default 0–100) and the flags for the top and bottom ranks (红黄黑旗) */
  scale: z.strictObject({ min: z.number().int().min(-1000).max(1000), max: z.number().int().min(-1000).max(1000) }).optional(),
  flags: z.strictObject({ red: z.number().int().min(0).max(200), black: z.number().int().min(0).max(200) }).optional(),
  question: text(1000).optional(),
  secret: z.boolean().optional(),
  baseRule: z.enum(['roster', 'present']).optional(),
  runoffOf: id.optional(),
  /** a satisfaction ballot's round (API.md): mid-year, year-end or a rectification round */
  round: z.enum(['midyear', 'yearend', 'rectification']).optional(),
  /** satisfaction: rate each project's items (子项) one by one; a project without items is rated whole */
  byItem: z.boolean().optional(),
});

export const cancelInput = z.strictObject({ reason: text(500) });

export const voteInput = z.strictObject({
  submissionKey: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, '提交码格式错误 / submissionKey must be 22–64 of [A-Za-z0-9_-]'),
  choices: z.unknown(),
});

export type BallotInput = z.infer<typeof ballotInput>;
export type SessionInput = z.infer<typeof sessionInput>;
