// Inputs of the 督办单 (supervision tasks, API.md "Supervision tasks, referrals, the reserve"), shared by the
// server's routes and the client's forms.
import { z } from 'zod';
import { id, text } from './schemas.js';
import { calendarDate } from './screening-schemas.js';

export const taskStates = ['open', 'answered', 'closed'] as const;
export const taskReasons = ['behind', 'report_overdue', 'rectify_overdue', 'manual'] as const;

/** Staff open a task by hand (e.g. from an inspection's findings); `due` must not lie in the past (checked on the server, which knows today). */
export const taskInput = z.strictObject({ note: text(2000), due: calendarDate });
/** The department's answer: what it did, the day it did it, photos of it. */
export const taskAnswerInput = z.strictObject({ text: text(5000), date: calendarDate, photos: z.array(id).max(12).optional() });
export const taskCloseInput = z.strictObject({ note: text(2000) });

const flag = z.enum(['true', 'false']).transform((s) => s === 'true');
export const tasksQuery = z.strictObject({ state: z.enum(taskStates).optional(), escalated: flag.optional() });
