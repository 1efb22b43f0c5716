import fc from 'fast-check';
import { DOCUMENTED_ROUTES, HIDDEN_ROUTES, UNKNOWN_ROUTES, type RouteSpec } from '../support/routes.js';

/** Any route: mostly the documented ones, sometimes hidden ones, unknown paths and unknown methods. */
export const anyRoute: fc.Arbitrary<RouteSpec> = fc.oneof(
  { arbitrary: fc.constantFrom(...DOCUMENTED_ROUTES), weight: 6 },
  { arbitrary: fc.constantFrom(...HIDDEN_ROUTES), weight: 1 },
  { arbitrary: fc.constantFrom(...UNKNOWN_ROUTES), weight: 2 },
);
