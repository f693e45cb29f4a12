// Calendar days (YYYY-MM-DD, a day in Asia/Shanghai as the server counts them) in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** "8月15日 周五" / "Fri, Aug 15"; `long` adds the year. */
export function useDayLabel() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
    // the date is a calendar day already: read it at UTC midnight so no zone moves it
    const short = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    return (day: string, o: { long?: boolean } = {}) => (o.long ? long : short).format(new Date(`${day}T00:00:00Z`));
  }, [i18n.language]);
}
