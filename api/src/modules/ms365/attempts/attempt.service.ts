import {
  CALLBACK_PATH,
  connectorPage,
  scopesFor,
  type AttemptError,
  type AttemptResponse,
  type CodeResponse,
  type ConnectResponse,
} from '@ecm365/shared';
import type { MicrosoftIdentity } from '../../../adapters/microsoft/index.js';
import { MicrosoftRequestError } from '../../../adapters/microsoft/index.js';
import type { KeyRing } from '../../../crypto/key-ring.js';
import type { Db } from '../../../db/database.js';
import {
  AttemptExpiredError,
  AttemptNotFoundError,
  CodeExpiredError,
  CodeRedeemedError,
} from '../../../errors/domain-errors.js';
import type { Clock } from '../../../support/clock.js';
import { constantTimeEqual, randomToken, sha256 } from '../../../support/secrets.js';
import type { AuditEntry, AuditLog } from '../../audit/audit-log.js';
import { attemptCacheContext, attemptFlowContext } from './attempt-contexts.js';
import { principalKey, type Principal } from '../../auth/principal.js';
import { ADMIN_CONSENT_STATE_PREFIX, type AdminConsents } from './admin-consents.js';
import { openAttemptAsBrowser, type BrowserAnswer, type BrowserVisit } from './attempt-browser-binding.js';
import { explainCallbackFailure } from './attempt-failure.js';
import {
  attemptCodeStore,
  attemptFailure,
  attemptInsert,
  claimAttemptCallback,
  claimCallbackOfOwner,
  findAttemptByStateHash,
  findOwnAttempt,
  replaceAttemptTrip,
  replaceOwnAttemptTrip,
  type OwnAttempt,
} from './attempt.repository.js';
import { effectiveAttemptStatus, toAttemptResponse } from './attempt-view.js';
import type { FeatureService } from '../features/feature.service.js';
import {
  reportServiceConfiguration,
  type LogError,
  type MicrosoftFailure,
} from '../../../adapters/microsoft/microsoft-failure.js';
import type { Ms365CodeIssuer } from './ms365-code-issuer.js';
import type { TenantRateCaps } from '../../throttle/tenant-rate-caps.js';
import type { AttemptRow } from '../ms365.tables.js';
import { codeChallengeOf, createCodeVerifier } from './pkce.js';

/** Attempts and codes live ten minutes (SPEC §4). */
const ATTEMPT_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 10 * 60_000;

export interface CallbackInput {
  query: Record<string, string | undefined>;
  /** `https://host[:port]` the callback arrived on. */
  requestOrigin: string;
  /** The portal session presented with the callback, if any. */
  session: Principal | undefined;
  /** The connector binding cookie presented with the callback, if any (attempts started with an API token). */
  browserBinding: string | undefined;
  ip: string;
}

type CallbackAudit = Omit<AuditEntry, 'outcome' | 'details'>;

export interface ConnectAttemptServiceDeps {
  db: Db;
  clock: Clock;
  keys: KeyRing;
  identity: MicrosoftIdentity;
  codes: Ms365CodeIssuer;
  features: FeatureService;
  audit: AuditLog;
  adminConsents: AdminConsents;
  publicUrl: string;
  /** Is this an origin of the portal (a tenant host, selfhost, the public URL)? Guards the callback hop. */
  isPortalOrigin: (origin: string) => boolean;
  logError: LogError;
  /** Connect attempts per tenant and minute. */
  caps: TenantRateCaps;
}

/**
 * From "Verbindung herstellen" to the MS365 code: connect attempts (ten minutes, bound to tenant, ELO user and the
 * session that started them — or, when an API token started them, to the first browser that opens the connector
 * link), each trip to Microsoft with its own state, nonce and PKCE verifier kept server-side, the callback that
 * redeems Microsoft's authorization code, and showing the MS365 code to the session or token that started it.
 */
export class ConnectAttemptService {
  constructor(private readonly deps: ConnectAttemptServiceDeps) {}

  async start(principal: Principal, requestOrigin: string, ip: string): Promise<ConnectResponse> {
    const enabledFeatures = await this.deps.features.enabledIds(principal.tenant.id);
    const { clock, keys } = this.deps;
    const id = randomToken(16);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + ATTEMPT_TTL_MS);
    const returnOrigin = this.deps.isPortalOrigin(requestOrigin) ? requestOrigin : this.deps.publicUrl;
    const attempt = attemptInsert(
      {
        id,
        tenantId: principal.tenant.id,
        eloUserId: principal.user.id,
        eloUserName: principal.user.name,
        principalKey: principalKey(principal),
        // The state itself is derived when the browser is sent to Microsoft; only its hash is stored.
        stateHash: sha256(randomToken(32)),
        returnOrigin,
        scopes: scopesFor(enabledFeatures),
        flowSecrets: keys.encrypt(
          JSON.stringify({ codeVerifier: createCodeVerifier(), nonce: randomToken(16) }),
          attemptFlowContext(id),
        ),
        createdAt: now,
        expiresAt,
      },
      'cap',
    );
    // The cap's try, the attempt and its audit row in one statement: the attempt only when the try was taken.
    await this.deps.caps.takeWithin('connect_attempt', principal.tenant.id, (take) =>
      this.deps.audit.recordWith(
        attempt,
        { tenant: principal.tenant, actor: principal.user.name, action: 'ms365.connect', outcome: 'success', ip },
        undefined,
        { name: 'cap', statement: take },
      ),
    );
    return { attemptId: id, connectorUrl: `${returnOrigin}${connectorPage(id)}`, expiresAt: expiresAt.toISOString() };
  }

  async describe(principal: Principal, attemptId: string): Promise<AttemptResponse> {
    return toAttemptResponse(await this.ownAttempt(principal, attemptId), this.deps.clock.now());
  }

  /** The connector window of an attempt started with an API token, in the browser that owns it (or now does). */
  async describeForBrowser(visit: BrowserVisit, attemptId: string): Promise<BrowserAnswer<AttemptResponse>> {
    const { attempt, setBindingCookie } = await openAttemptAsBrowser(this.deps.db, visit, attemptId);
    return {
      value: toAttemptResponse(attempt, this.deps.clock.now()),
      ...(setBindingCookie ? { setBindingCookie } : {}),
    };
  }

  /**
   * Microsoft's authorize URL for a pending attempt: a new trip (the previous one stops working). `requestOrigin`:
   * where the connector window asked from, the attempt's return origin as a rule (see `tripSecrets`).
   */
  async authorizeUrl(principal: Principal, attemptId: string, requestOrigin: string): Promise<string> {
    const trip = this.tripSecrets(attemptId, requestOrigin);
    // Found and replaced in one statement; only when that finds nothing is the attempt read, to say why.
    const pending = await replaceOwnAttemptTrip(
      this.deps.db,
      {
        id: attemptId,
        tenantId: principal.tenant.id,
        principalKey: principalKey(principal),
        now: this.deps.clock.now(),
      },
      trip.stored,
    );
    if (!pending) {
      await this.ownAttempt(principal, attemptId);
      throw new AttemptExpiredError();
    }
    return this.authorizeUrlOf(pending.scopes, trip);
  }

  /** The same for the browser that owns an attempt started with an API token. */
  async authorizeUrlForBrowser(visit: BrowserVisit, attemptId: string): Promise<BrowserAnswer<string>> {
    const { attempt, setBindingCookie } = await openAttemptAsBrowser(this.deps.db, visit, attemptId);
    return { value: await this.newTrip(attempt), ...(setBindingCookie ? { setBindingCookie } : {}) };
  }

  /**
   * Every trip to Microsoft gets its own state, PKCE verifier and nonce (replacing the previous trip's together),
   * so a second click on „Verbindung herstellen“ never sends the same challenge or nonce again and only the latest
   * trip can complete.
   */
  private async newTrip(attempt: AttemptRow): Promise<string> {
    if (effectiveAttemptStatus(attempt, this.deps.clock.now()) !== 'pending') throw new AttemptExpiredError();
    const trip = this.tripSecrets(attempt.id, attempt.returnOrigin);
    await replaceAttemptTrip(this.deps.db, attempt.id, trip.stored);
    return this.authorizeUrlOf(attempt.scopes, trip);
  }

  /**
   * A new trip's state, verifier and nonce, and what of them is stored (the state's hash, the rest encrypted). The
   * state ends with the portal origin the browser will be found on (`returnHint`, when it is one), so that
   * Microsoft's redirect to the shared callback host is sent on there without a read (`handleCallback`). Only a
   * hint: the claim on that host checks the attempt itself, and a wrong hint costs one more hop, nothing else.
   */
  private tripSecrets(attemptId: string, returnHint: string) {
    const codeVerifier = createCodeVerifier();
    const nonce = randomToken(16);
    const hint = this.deps.isPortalOrigin(returnHint) ? `.${Buffer.from(returnHint).toString('base64url')}` : '';
    const state = `${attemptId}.${randomToken(24)}${hint}`;
    return {
      state,
      nonce,
      codeVerifier,
      stored: {
        stateHash: sha256(state),
        flowSecrets: this.deps.keys.encrypt(JSON.stringify({ codeVerifier, nonce }), attemptFlowContext(attemptId)),
      },
    };
  }

  private authorizeUrlOf(
    scopes: string[],
    trip: { state: string; nonce: string; codeVerifier: string },
  ): Promise<string> {
    return this.deps.identity.authorizeUrl({
      scopes,
      state: trip.state,
      nonce: trip.nonce,
      codeChallenge: codeChallengeOf(trip.codeVerifier),
    });
  }

  /** Handles Microsoft's redirect; answers where to send the browser next. */
  async handleCallback(input: CallbackInput): Promise<string> {
    const { query } = input;
    if (query.admin_consent !== undefined || query.state?.startsWith(ADMIN_CONSENT_STATE_PREFIX)) {
      return this.deps.adminConsents.complete(query, input.ip);
    }
    if (!query.state) return `${this.deps.publicUrl}${connectorPage('unknown')}?error=invalid_state`;
    const stateHash = sha256(query.state);
    // The browser presents its session or binding cookie on the host the attempt returns to (both are the host's
    // own cookies), so only then can this callback complete here: claimed at once, without reading it first.
    const credentials = Boolean(input.session || input.browserBinding);
    const claimed = credentials ? await this.claimAsOwner(stateHash, input) : undefined;
    if (claimed) return this.redeemCallback(claimed, query, input.ip);
    // Without them this is, as a rule, Microsoft's redirect to the shared callback host: on to the host the state
    // names, unread. Never to anything but a portal origin, and only to another host (no loop): there the
    // attempt is claimed or read as here.
    const hinted = credentials ? undefined : returnHintOf(query.state);
    if (hinted && hostOf(hinted) !== hostOf(input.requestOrigin) && this.deps.isPortalOrigin(hinted)) {
      return `${hinted}${CALLBACK_PATH}?${new URLSearchParams(definedEntries(query))}`;
    }

    const attempt = await findAttemptByStateHash(this.deps.db, stateHash);
    if (!attempt) return `${this.deps.publicUrl}${connectorPage('unknown')}?error=invalid_state`;

    // The session cookie belongs to the tenant's host: finish there, not on the shared callback host. Compared by
    // host, never by origin: behind a TLS proxy that is not trusted (TRUST_PROXY_HOPS=0) the request looks like
    // http while the attempt says https, and sending the browser "on" to its own host looped for ever.
    if (
      hostOf(attempt.returnOrigin) !== hostOf(input.requestOrigin) &&
      this.deps.isPortalOrigin(attempt.returnOrigin)
    ) {
      return `${attempt.returnOrigin}${CALLBACK_PATH}?${new URLSearchParams(definedEntries(query))}`;
    }
    const connector = `${attempt.returnOrigin}${connectorPage(attempt.id)}`;
    // Binding to the browser: only the session that started the attempt (or, for an attempt of an API token, the
    // browser that first opened its connector link) may complete it (OAuth login CSRF).
    if (!this.callbackFromOwner(attempt, input)) return `${connector}?error=session_mismatch`;
    if (effectiveAttemptStatus(attempt, this.deps.clock.now()) !== 'pending') return connector;
    // One callback per attempt talks to Microsoft; a second one (reload, double navigation) shows its outcome.
    if (!(await claimAttemptCallback(this.deps.db, attempt.id, this.deps.clock.now()))) return connector;
    return this.redeemCallback(attempt, query, input.ip);
  }

  /**
   * The claim of `handleCallback` in one statement when everything it checks holds: the state's attempt is pending
   * and unclaimed, returns to this host and belongs to this browser. Undefined otherwise; then `handleCallback`
   * reads the attempt and decides as if this had not been tried (nothing was written).
   */
  private claimAsOwner(stateHash: string, input: CallbackInput) {
    const host = hostOf(input.requestOrigin);
    return claimCallbackOfOwner(this.deps.db, {
      stateHash,
      returnOrigins: [`https://${host}`, `http://${host}`],
      sessionKey: input.session ? principalKey(input.session) : undefined,
      bindingHash: input.browserBinding === undefined ? undefined : sha256(input.browserBinding),
      now: this.deps.clock.now(),
    });
  }

  /** The claimed callback: Microsoft's answer (code or error) stored on the attempt; answers the connector page. */
  private async redeemCallback(
    attempt: AttemptRow & { tenantSlug: string },
    query: CallbackInput['query'],
    ip: string,
  ): Promise<string> {
    const connector = `${attempt.returnOrigin}${connectorPage(attempt.id)}`;
    const audit = {
      tenant: { id: attempt.tenantId, slug: attempt.tenantSlug },
      actor: attempt.eloUserName,
      action: 'ms365.callback' as const,
      ip,
    };
    if (query.error || !query.code) {
      await this.fail(
        attempt,
        {
          error: query.error ?? 'invalid_request',
          description: query.error_description,
          subError: query.error_subcode,
        },
        audit,
      );
    } else {
      await this.complete(attempt, query.code, query.state ?? '', audit);
    }
    return connector;
  }

  /** Redeems Microsoft's authorization code and issues the MS365 code for the attempt. */
  private async complete(attempt: AttemptRow, code: string, state: string, audit: CallbackAudit): Promise<void> {
    try {
      const { codeVerifier, nonce } = this.flowSecrets(attempt);
      const tokens = await this.deps.identity.redeemAuthorizationCode({
        code,
        scopes: attempt.scopes,
        codeVerifier,
        nonce,
        state,
      });
      const issued = this.deps.codes.issue(attempt.id);
      const store = attemptCodeStore(attempt.id, {
        tokenCache: this.deps.keys.encrypt(tokens.serializedCache, attemptCacheContext(attempt.id)),
        account: JSON.stringify(tokens.account),
        grantedScopes: tokens.grantedScopes,
        codeHash: issued.codeHash,
        codeSalt: issued.codeSalt,
        codeKeyId: issued.codeKeyId,
        codeExpiresAt: new Date(this.deps.clock.now().getTime() + CODE_TTL_MS),
      });
      // The code and its audit row in one statement. Not stored: the attempt was removed meanwhile (disconnect,
      // tenant deleted); nothing to show a code for.
      const stored = await this.deps.audit.recordWith(store, {
        ...audit,
        outcome: 'success',
        details: { account: tokens.account.username },
      });
      if (!stored) await this.deps.audit.record({ ...audit, outcome: 'failure', details: { code: 'attempt_gone' } });
    } catch (error) {
      if (!(error instanceof MicrosoftRequestError)) throw error;
      await this.fail(attempt, error.failure, audit);
    }
  }

  private callbackFromOwner(attempt: AttemptRow, input: CallbackInput): boolean {
    if (attempt.principalKey.startsWith('session:')) {
      return input.session !== undefined && principalKey(input.session) === attempt.principalKey;
    }
    return (
      attempt.browserBindingHash !== null &&
      input.browserBinding !== undefined &&
      constantTimeEqual(sha256(input.browserBinding), attempt.browserBindingHash)
    );
  }

  /** Stores Microsoft's "no", explained in German, for the connector window to show. */
  private async fail(attempt: AttemptRow, failure: MicrosoftFailure, audit: CallbackAudit): Promise<void> {
    const explained = await this.explain(failure, attempt);
    const entry = {
      ...audit,
      outcome: 'failure' as const,
      details: { kind: explained.kind, aadsts: explained.aadstsCode },
    };
    // Stored with its audit row in one statement; recorded alone when the attempt was removed meanwhile.
    const failed = attemptFailure(this.deps.db, attempt.id, JSON.stringify(explained));
    if (!(await this.deps.audit.recordWith(failed, entry))) await this.deps.audit.record(entry);
  }

  /** The MS365 code, only to the session that started the attempt, while it is unredeemed and fresh. */
  async revealCode(principal: Principal, attemptId: string): Promise<CodeResponse> {
    const attempt = await this.ownAttempt(principal, attemptId);
    if (attempt.status === 'redeemed') throw new CodeRedeemedError();
    if (attempt.status !== 'code_ready' || !attempt.codeSalt || !attempt.codeKeyId || !attempt.codeExpiresAt) {
      throw new AttemptNotFoundError();
    }
    if (attempt.codeExpiresAt <= this.deps.clock.now()) throw new CodeExpiredError();
    return {
      code: this.deps.codes.derive(attempt.id, attempt.codeSalt, attempt.codeKeyId),
      expiresAt: attempt.codeExpiresAt.toISOString(),
    };
  }

  private async ownAttempt(principal: Principal, attemptId: string): Promise<OwnAttempt> {
    const attempt = await findOwnAttempt(this.deps.db, {
      id: attemptId,
      tenantId: principal.tenant.id,
      principalKey: principalKey(principal),
    });
    if (!attempt) throw new AttemptNotFoundError();
    return attempt;
  }

  private flowSecrets(attempt: AttemptRow): { codeVerifier: string; nonce: string } {
    return JSON.parse(this.deps.keys.decrypt(attempt.flowSecrets, attemptFlowContext(attempt.id))) as {
      codeVerifier: string;
      nonce: string;
    };
  }

  private async explain(failure: MicrosoftFailure, attempt: AttemptRow): Promise<AttemptError> {
    const explained = explainCallbackFailure(failure);
    if (explained.kind === 'service_configuration') reportServiceConfiguration(failure, this.deps.logError);
    if (explained.kind === 'id_token_invalid') {
      // Someone or something handed us a token that is not Microsoft's answer for this sign-in: ops must hear of it.
      this.deps.logError(
        { failure: { error: failure.error, reason: failure.description }, tenantId: attempt.tenantId },
        'Microsoft id_token rejected: the sign-in could not be confirmed',
      );
    }
    if (explained.kind !== 'consent_required') return explained;
    const adminConsentUrl = await this.deps.adminConsents.link({
      tenantId: attempt.tenantId,
      requestedBy: attempt.eloUserName,
      scopes: attempt.scopes,
    });
    return { ...explained, adminConsentUrl };
  }
}

function definedEntries(query: Record<string, string | undefined>): Array<[string, string]> {
  return Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** The return origin a state of `tripSecrets` ends with, if it has one (`<attempt>.<random>.<origin, base64url>`). */
function returnHintOf(state: string): string | undefined {
  const parts = state.split('.');
  if (parts.length !== 3 || !parts[2]) return undefined;
  return Buffer.from(parts[2], 'base64url').toString('utf8');
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
