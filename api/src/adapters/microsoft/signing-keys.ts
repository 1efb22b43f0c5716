import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWSHeaderParameters } from 'jose';

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/**
 * The authority's signing keys (JWKS), cached. A token whose `kid` is not among them makes one new fetch (Entra
 * rolls its keys) and is then checked again; concurrent misses share that fetch. Written around jose's local key
 * set rather than its remote one because the remote set refuses to refetch for 30 s after a fetch, and a key
 * rolled within that time must not fail a sign-in.
 */
export class SigningKeys {
  private keys: Promise<KeyResolver> | undefined;

  constructor(private readonly load: () => Promise<JSONWebKeySet>) {}

  /** jose's key lookup for `jwtVerify`. */
  readonly resolve = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const current = this.keys ?? this.refresh();
    try {
      return await (
        await current
      )(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      // Someone else may have refreshed meanwhile; otherwise fetch once more now.
      const next = this.keys !== current && this.keys ? this.keys : this.refresh();
      return (await next)(header, token);
    }
  };

  private refresh(): Promise<KeyResolver> {
    const loading = this.load().then((jwks) => createLocalJWKSet(jwks));
    this.keys = loading;
    // A failed fetch is not kept: the next token tries again.
    loading.catch(() => {
      if (this.keys === loading) this.keys = undefined;
    });
    return loading;
  }
}
