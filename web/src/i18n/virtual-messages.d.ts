declare module 'virtual:ecm365-messages/*' {
  /** A locale file compiled to vue-i18n message ASTs by build/i18n-messages.ts (typed by locales/de.json). */
  const messages: Record<string, unknown>;
  export default messages;
}
