import { describe, expect, it } from 'vitest';
import { MailboxLimiter } from './mailbox-limiter.js';

describe('MailboxLimiter', () => {
  it('should let at most the limit run per mailbox and the next one start when a slot is released', async () => {
    const limiter = new MailboxLimiter(2);
    const first = await limiter.acquire('Rechnungen@contoso.example');
    const second = await limiter.acquire('rechnungen@contoso.example');
    let thirdStarted = false;
    const third = limiter.acquire('rechnungen@contoso.example').then((release) => {
      thirdStarted = true;
      return release;
    });
    await Promise.resolve();
    expect(thirdStarted).toBe(false);
    expect(limiter.inFlight('rechnungen@contoso.example')).toBe(2);

    first();
    const releaseThird = await third;
    expect(thirdStarted).toBe(true);
    expect(limiter.inFlight('rechnungen@contoso.example')).toBe(2);
    second();
    releaseThird();
    expect(limiter.inFlight('rechnungen@contoso.example')).toBe(0);
  });

  it('should keep mailboxes apart and release a slot only once', async () => {
    const limiter = new MailboxLimiter(1);
    const a = await limiter.acquire('a@x.example');
    const b = await limiter.acquire('b@x.example');
    a();
    a();
    expect(limiter.inFlight('a@x.example')).toBe(0);
    expect(limiter.inFlight('b@x.example')).toBe(1);
    b();
  });

  it('should release the slot of a call that failed', async () => {
    const limiter = new MailboxLimiter(1);
    await expect(limiter.run('a@x.example', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a@x.example', async () => 'next')).resolves.toBe('next');
  });
});
