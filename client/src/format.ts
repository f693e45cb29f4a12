import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Locale-aware formatters for the active language (numbers, percentages, 万元, dates). */
export interface Formatters {
  locale: string;
  num: (n: number | null | undefined) => string;
  pct: (ratio: number | null | undefined, digits?: number) => string;
  /** Money given in 万元 (ten-thousand yuan). */
  wan: (n: number | null | undefined) => string;
  /** The same, short enough for a headline figure: 亿元 from 1 亿 up in Chinese, "CN¥6.8M" in English. */
  wanShort: (n: number | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  time: (iso: string | null | undefined) => string;
}

const cache = new Map<string, Formatters>();

export function makeFormatters(locale: string): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const intLocale = locale === 'en' ? 'en-US' : 'zh-CN';
  const numFmt = new Intl.NumberFormat(intLocale, { maximumFractionDigits: 2 });
  const pctFmt = new Map<number, Intl.NumberFormat>();
  const wanFmt = new Intl.NumberFormat(intLocale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const yuanFmt = new Intl.NumberFormat(intLocale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const yuanShortFmt = new Intl.NumberFormat(intLocale, { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 1 });
  // A calendar day is a day in Asia/Shanghai (API.md), wherever the browser is.
  const dateFmt = new Intl.DateTimeFormat(intLocale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const dateTimeFmt = new Intl.DateTimeFormat(intLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFmt = new Intl.DateTimeFormat(intLocale, { timeStyle: 'medium' });
  const dash = '—';
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const f: Formatters = {
    locale: intLocale,
    num: (n) => (n == null || !Number.isFinite(n) ? dash : numFmt.format(n)),
    pct: (r, digits = 1) => {
      if (r == null || !Number.isFinite(r)) return dash;
      let fmt = pctFmt.get(digits);
      if (!fmt) {
        fmt = new Intl.NumberFormat(intLocale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 });
        pctFmt.set(digits, fmt);
      }
      return fmt.format(r);
    },
    wan: (n) => {
      if (n == null || !Number.isFinite(n)) return dash;
      // zh-CN: "1,250 万元"; en: the same amount in yuan, "CN¥12,500,000".
      return intLocale === 'zh-CN' ? `${wanFmt.format(n)} 万元` : yuanFmt.format(Math.round(n * 10000));
    },
    wanShort: (n) => {
      if (n == null || !Number.isFinite(n)) return dash;
      if (intLocale !== 'zh-CN') return yuanShortFmt.format(n * 10000);
      return Math.abs(n) >= 10000 ? `${wanFmt.format(n / 10000)} 亿元` : `${wanFmt.format(n)} 万元`;
    },
    date: (iso) => {
      const d = parse(iso);
      return d ? dateFmt.format(d) : dash;
    },
    dateTime: (iso) => {
      const d = parse(iso);
      return d ? dateTimeFmt.format(d) : dash;
    },
    time: (iso) => {
      const d = parse(iso);
      return d ? timeFmt.format(d) : dash;
    },
  };
  cache.set(locale, f);
  return f;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
}
