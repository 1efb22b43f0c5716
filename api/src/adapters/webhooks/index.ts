export { isLocalHostName, refusedAddressReason } from './address-policy.js';
export { AddressNotAllowedError, guardedLookup } from './guarded-lookup.js';
export {
  refusedUrlReason,
  WebhookSender,
  type WebhookAttempt,
  type WebhookMessage,
  type WebhookSenderOptions,
} from './webhook-sender.js';
