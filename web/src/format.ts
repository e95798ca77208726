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
  /** Yuan amounts: "¥12,800.00". */
  money(value: number | string | null | undefined): string;
  /** A span such as "3 h 20 min" / "3小时20分钟"; negative spans are written without a sign. */
  duration(milliseconds: number): string;
}

const none = '—';

export function formatters(language: string): Formatters {
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' });
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'narrow' });
  return {
    locale,
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : none),
    date: (iso) => (iso ? dateFormat.format(new Date(iso)) : none),
    number: (value, fractionDigits = 0) =>
      value === null || value === undefined
        ? none
        : new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value),
    percent: (ratio) => (ratio === null || ratio === undefined ? none : percentFormat.format(ratio)),
    money: (value) =>
      value === null || value === undefined || value === '' ? none : moneyFormat.format(Number(value)),
    duration: (milliseconds) => {
      const totalMinutes = Math.floor(Math.abs(milliseconds) / 60_000);
      const d = Math.floor(totalMinutes / 1440);
      const h = Math.floor((totalMinutes % 1440) / 60);
      const m = totalMinutes % 60;
      const parts = [d ? days.format(d) : '', h ? hours.format(h) : '', d ? '' : minutes.format(m)];
      return parts.filter(Boolean).join(' ');
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language);
}
