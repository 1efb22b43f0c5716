import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('redactUrl', () => {
  it('hides OAuth codes, state and error descriptions but keeps the path and other parameters', () => {
    expect(redactUrl('/api/v1/ms365/callback?code=0.AAA-secret&state=s3cr3t&session_state=x')).toBe(
      '/api/v1/ms365/callback?code=[redacted]&state=[redacted]&session_state=[redacted]',
    );
    expect(redactUrl('/x?error=access_denied&error_description=AADSTS65004%3A+declined')).toBe(
      '/x?error=access_denied&error_description=[redacted]',
    );
    expect(redactUrl('/api/v1/auth/session')).toBe('/api/v1/auth/session');
  });
});
