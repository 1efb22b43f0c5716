declare module 'virtual:ecm365-messages/*' {
  /**
   * One part (`<locale>/first-screen` or `<locale>/pages`) of a locale file, compiled for vue-i18n's runtime by
   * build/i18n-messages.ts (typed by locales/de.json).
   */
  const messages: Record<string, unknown>;
  export default messages;
}
