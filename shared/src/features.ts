/**
 * The feature registry: which ELO features use the Microsoft 365 connection and which Microsoft Graph permissions
 * each one adds to the base set (SPEC §5). Plain data so that the web bundle can import it without a schema
 * library.
 */
export const BASE_SCOPES = ['openid', 'profile', 'offline_access', 'User.Read'] as const;

export const FEATURE_IDS = ['invoice-mail-import'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export interface FeatureDefinition {
  id: FeatureId;
  /** Graph permissions (delegated) the feature needs on top of BASE_SCOPES. */
  scopes: readonly string[];
  title: { de: string; en: string };
}

export const FEATURES: Readonly<Record<FeatureId, FeatureDefinition>> = {
  'invoice-mail-import': {
    id: 'invoice-mail-import',
    scopes: ['Mail.ReadWrite.Shared'],
    title: { de: 'Rechnungs-Import via E-Mail', en: 'Invoice import via e-mail' },
  },
};

/** The scopes to request for a set of enabled features, base set first, without duplicates. */
export function scopesFor(enabledFeatures: readonly FeatureId[]): string[] {
  const scopes = new Set<string>(BASE_SCOPES);
  for (const id of enabledFeatures) for (const scope of FEATURES[id].scopes) scopes.add(scope);
  return [...scopes];
}
