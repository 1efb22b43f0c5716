import { useI18n } from 'vue-i18n';

/** A moment of the import in few words: „10:42“ today, „01.12., 10:42“ on another day. */
export function useImportTime() {
  const { locale } = useI18n();
  return (iso: string): string => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const today = new Date().toDateString() === date.toDateString();
    const options: Intl.DateTimeFormatOptions = today
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' };
    return new Intl.DateTimeFormat(locale.value, options).format(date);
  };
}
