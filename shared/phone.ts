// A mobile number as every list shows it (the outbox for admins, the roster): 138****5678 — the first three and
// the last four digits, the rest starred (at least four stars). Only the sender, and the dialog an admin corrects
// a number in, ever hold the full number.
export const maskPhone = (to: string) => (to.length >= 7 ? `${to.slice(0, 3)}${'*'.repeat(Math.max(4, to.length - 7))}${to.slice(-4)}` : '****');
