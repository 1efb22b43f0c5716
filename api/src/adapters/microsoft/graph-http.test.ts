import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DeltaStateExpiredError, graphFailure } from './graph-http.js';

const answer = (status: number, headers: Record<string, string>, body: string) => ({
  status,
  headers,
  body: Readable.from([Buffer.from(body)]),
});

describe('graphFailure', () => {
  it("should carry Graph's code, request id and Retry-After", async () => {
    const failure = await graphFailure(
      answer(
        429,
        { 'request-id': 'r-1', 'retry-after': '3' },
        '{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit."}}',
      ),
    );
    expect(failure).not.toBeInstanceOf(DeltaStateExpiredError);
    expect(failure.failure).toEqual({
      error: 'ApplicationThrottled',
      description: 'Application is over its MailboxConcurrency limit.',
      httpStatus: 429,
      correlationId: 'r-1',
      retryAfterSeconds: 3,
    });
  });

  it('should recognise expired delta state by 410 or by its codes, whatever the status', async () => {
    expect(await graphFailure(answer(410, {}, ''))).toBeInstanceOf(DeltaStateExpiredError);
    expect(await graphFailure(answer(400, {}, '{"error":{"code":"resyncRequired"}}'))).toBeInstanceOf(
      DeltaStateExpiredError,
    );
    expect(await graphFailure(answer(404, {}, '{"error":{"code":"SyncStateNotFound"}}'))).toBeInstanceOf(
      DeltaStateExpiredError,
    );
  });

  it('should survive a proxy page instead of JSON and keep Retry-After undefined without the header', async () => {
    const failure = await graphFailure(answer(503, {}, '<html>Service Unavailable</html>'));
    expect(failure.failure).toMatchObject({ error: 'http_503', httpStatus: 503, retryAfterSeconds: undefined });
  });
});
