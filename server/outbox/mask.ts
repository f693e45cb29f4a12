/** A mobile number as lists show it: 138****5678 (only the sender ever sees it in full); one rule with the client's. */
export { maskPhone } from '../../shared/phone.js';

/** A mainland mobile number: 11 digits starting with 1, found in free text (a contact field) without its separators. */
export function mobileIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /(?:\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/.exec(text);
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}
