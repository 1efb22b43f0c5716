import { useI18n } from 'vue-i18n';

/** Dates and durations in the UI language (de: 26.11.2026, 14:05). */
export function useFormat() {
  const { locale, t } = useI18n();

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '–';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  function time(iso: string): string {
    return new Intl.DateTimeFormat(locale.value, { timeStyle: 'short' }).format(new Date(iso));
  }

  function date(isoDate: string): string {
    const parsed = new Date(`${isoDate}T00:00:00`);
    return Number.isNaN(parsed.getTime())
      ? isoDate
      : new Intl.DateTimeFormat(locale.value, { dateStyle: 'long' }).format(parsed);
  }

  /** A wait such as Retry-After, rounded up to whole minutes from two minutes on. */
  function duration(seconds: number): string {
    if (seconds < 120) return t('duration.seconds', Math.max(1, Math.ceil(seconds)));
    return t('duration.minutes', Math.ceil(seconds / 60));
  }

  return { dateTime, time, date, duration };
}
