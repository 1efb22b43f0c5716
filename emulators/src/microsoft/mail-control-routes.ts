import type { FastifyInstance } from 'fastify';
import { newMailFromJson } from './new-mail-check.js';
import type { MicrosoftEmulatorControls } from './types.js';

/** Large enough for a few files base64-encoded in JSON; generated content (`size`) needs none of it. */
const DELIVER_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * The mail controls over HTTP, for the demo, browser tests and processes outside the one that started the
 * emulator: `POST /_emulator/mailboxes/{mailbox}/messages` takes a NewMail as JSON with base64 contents.
 */
export function registerMailControlRoutes(app: FastifyInstance, controls: MicrosoftEmulatorControls): void {
  type Params = { Params: { mailbox: string } };
  app.post<Params>('/_emulator/mailboxes/:mailbox/messages', { bodyLimit: DELIVER_BODY_LIMIT }, async (req, reply) =>
    reply.status(201).send(controls.deliverMail(req.params.mailbox, newMailFromJson(req.body))),
  );
  app.get<Params>('/_emulator/mailboxes/:mailbox', async (req) => controls.listMailbox(req.params.mailbox));
  app.post<Params>('/_emulator/mailboxes/:mailbox/expire-delta', async (req, reply) => {
    controls.expireDeltaTokens(req.params.mailbox);
    return reply.status(204).send();
  });
  app.post<Params>('/_emulator/mailboxes/:mailbox/replay-delta', async (req, reply) => {
    controls.replayDelta(req.params.mailbox);
    return reply.status(204).send();
  });
}
