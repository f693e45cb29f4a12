// Validation messages in the reader's language. The shared zod schemas (and so the server's 422 `fields`)
// write messages as "中文 / English"; zod's own messages are English and are mapped to keys.
import type { TFunction } from 'i18next';

const keyed = 'i18n:';
/** A message a form's own schema writes (an i18n key and its values), translated when shown so that a change of
 * language reaches it too. A `message` value is itself a field message and is translated in turn. */
export const i18nMessage = (key: string, values: Record<string, string | number> = {}) => keyed + JSON.stringify({ key, values });

export function fieldMessage(t: TFunction, lang: string, message: string | undefined): string {
  if (!message) return '';
  const m = message.trim();
  if (m.startsWith(keyed)) {
    try {
      const { key, values } = JSON.parse(m.slice(keyed.length)) as { key: string; values: Record<string, string | number> };
      return t(key, { ...values, ...(values.message !== undefined ? { message: fieldMessage(t, lang, String(values.message)) } : {}) });
    } catch { return t('form.invalid'); }
  }
  let r: RegExpMatchArray | null;
  if (/>=\s*1 character|received undefined|^Required$|Invalid input: expected (string|number), received null/i.test(m)) return t('form.required');
  if ((r = m.match(/Too big: expected string to have <=\s*(\d+)/i))) return t('form.tooLong', { max: r[1] });
  if ((r = m.match(/Too small: expected number to be >=?\s*(-?[\d.]+)/i))) return t('form.min', { min: r[1] });
  if ((r = m.match(/Too big: expected number to be <=?\s*(-?[\d.e+]+)/i))) return t('form.max', { max: r[1] });
  if ((r = m.match(/Too big: expected array to have <=\s*(\d+)/i))) return t('form.tooMany', { max: r[1] });
  if (/expected int, received number/i.test(m)) return t('form.integer');
  if (/expected number|expected int/i.test(m)) return t('form.number');
  if (/Invalid option/i.test(m)) return t('form.option');
  if (/Invalid ISO datetime|Invalid date/i.test(m)) return t('form.date');
  const parts = m.split(' / ');
  if (parts.length === 2) return lang === 'en' ? parts[1] : parts[0];
  return m;
}
