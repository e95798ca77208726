/**
 * Dates, times, numbers and money as the chosen language writes them (SPEC §10.2), in the
 * user's time zone. One place, so every screen agrees.
 */
import { useTranslation } from 'react-i18next';

export interface Formatters {
  locale: string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  number(value: number | null | undefined, fractionDigits?: number): string;
  percent(ratio: number | null | undefined): string;
  /** Amounts in a currency, yuan unless told: "¥12,800.00", "US$500.50". */
  money(value: number | string | null | undefined, currency?: string): string;
  /** Amounts in several currencies, e.g. a report's deals won outside its own: "US$500.50 · €20.00". */
  moneyByCurrency(amounts: Readonly<Record<string, number>> | null | undefined): string;
  /** A span such as "3 h 20 min" / "3小时20分钟"; negative spans are written without a sign. */
  duration(milliseconds: number): string;
  /** A count of seconds: "40秒" / "40s". */
  seconds(value: number): string;
}

const none = '—';

/**
 * The formatters of a language, built once: an Intl format takes a good fraction of a millisecond
 * to make, and a table of a hundred rows asks for them in every cell's render.
 */
const byLanguage = new Map<string, Formatters>();

export function formatters(language: string): Formatters {
  let made = byLanguage.get(language);
  if (!made) {
    made = makeFormatters(language);
    byLanguage.set(language, made);
  }
  return made;
}

/** One Intl format per key (currency, fraction digits), made on first use. */
function memoized<K>(make: (key: K) => Intl.NumberFormat): (key: K) => Intl.NumberFormat {
  const made = new Map<K, Intl.NumberFormat>();
  return (key) => {
    let format = made.get(key);
    if (!format) {
      format = make(key);
      made.set(key, format);
    }
    return format;
  };
}

function makeFormatters(language: string): Formatters {
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const moneyFormat = memoized((currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  const money = (value: number | string | null | undefined, currency = 'CNY') =>
    value === null || value === undefined || value === '' ? none : moneyFormat(currency).format(Number(value));
  const numberFormat = memoized(
    (fractionDigits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }),
  );
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'narrow' });
  const secondsFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' });
  return {
    locale,
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : none),
    date: (iso) => (iso ? dateFormat.format(new Date(iso)) : none),
    number: (value, fractionDigits = 0) =>
      value === null || value === undefined ? none : numberFormat(fractionDigits).format(value),
    percent: (ratio) => (ratio === null || ratio === undefined ? none : percentFormat.format(ratio)),
    money,
    moneyByCurrency: (amounts) => {
      const entries = Object.entries(amounts ?? {}).sort(([a], [b]) => a.localeCompare(b));
      return entries.length ? entries.map(([currency, value]) => money(value, currency)).join(' · ') : none;
    },
    duration: (milliseconds) => {
      const totalMinutes = Math.floor(Math.abs(milliseconds) / 60_000);
      const d = Math.floor(totalMinutes / 1440);
      const h = Math.floor((totalMinutes % 1440) / 60);
      const m = totalMinutes % 60;
      const parts = [d ? days.format(d) : '', h ? hours.format(h) : '', d ? '' : minutes.format(m)];
      return parts.filter(Boolean).join(' ');
    },
    seconds: (value) => secondsFormat.format(value),
  };
}

/** Amounts per currency as plain text for a CSV cell: "USD 500.5; EUR 20" (empty when none). */
export function amountsText(amounts: Readonly<Record<string, number>> | null | undefined): string {
  return Object.entries(amounts ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, value]) => `${currency} ${value}`)
    .join('; ');
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
