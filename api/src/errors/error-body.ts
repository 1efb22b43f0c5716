import type { ErrorBody, MessageLocale } from '@ecm365/shared';
import { render } from '../messages/catalogue.js';
import type { DomainError } from './domain-errors.js';

/** The API's error body of a domain error: its code, its text in `locale`, and that text as code and params. */
export function errorBodyOf(failure: DomainError, locale: MessageLocale, correlationId?: string): ErrorBody {
  return {
    error: {
      code: failure.code,
      message: render(failure.text, locale),
      messageCode: failure.text.code,
      params: failure.text.params,
      ...(failure.details ? { details: failure.details } : {}),
      ...(correlationId ? { correlationId } : {}),
    },
  };
}
