import { message, type AttemptError } from '@ecm365/shared';
import { ID_TOKEN_REJECTED } from '../../../adapters/microsoft/index.js';
import {
  aadstsNumbers,
  classifyMicrosoftFailure,
  correlationIdOf,
  type MicrosoftFailure,
} from '../../../adapters/microsoft/microsoft-failure.js';
import { textFields } from '../../../messages/texts.js';

/**
 * On the callback, Microsoft's authorization code expired (AADSTS70008) or was used already (AADSTS54005): the
 * sign-in took too long or the page was replayed. On a refresh the same 70008 means the grant is gone
 * (`needs_reauth`); here it only means "start again".
 */
const SIGN_IN_EXPIRED = new Set([70008, 54005]);

/** What the connector window says when Microsoft said no to a sign-in (SPEC §5), without the admin-consent link. */
export function explainCallbackFailure(failure: MicrosoftFailure): Omit<AttemptError, 'adminConsentUrl'> {
  const kind = callbackFailureKind(failure);
  const aadsts = aadstsNumbers(failure)[0];
  const correlationId = correlationIdOf(failure);
  return {
    kind,
    ...textFields(message(`attempt.${kind}`)),
    ...(aadsts ? { aadstsCode: `AADSTS${aadsts}` } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
}

export function callbackFailureKind(failure: MicrosoftFailure): AttemptError['kind'] {
  if (failure.error === ID_TOKEN_REJECTED) return 'id_token_invalid';
  const classified = classifyMicrosoftFailure(failure);
  if (classified === 'service_configuration') return classified;
  if (aadstsNumbers(failure).some((code) => SIGN_IN_EXPIRED.has(code))) return 'sign_in_expired';
  return classified === 'needs_reauth' ? 'interaction_required' : classified;
}
