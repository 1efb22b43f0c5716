import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { GraphError, itemNotFound } from './graph-errors.js';
import { graphRoute, type GraphHandler } from './graph-handler.js';
import { mailPaths, mailboxStore, requireMessage } from './graph-mail.js';
import { ATTACHMENT_PROPERTIES, attachmentResource, fileAttachmentContent } from './graph-mail-resources.js';
import { applySelect, selectOf } from './graph-odata.js';
import { messageMime } from './mail-mime.js';

/**
 * Attachments and raw contents: the list (bytes of large files left out), one attachment, `/$value` of a file
 * (its bytes, streamed) or an item attachment (its MIME), 405 for a reference attachment's `$value`, and the whole
 * message as MIME.
 */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const contextOf = (user: string | undefined, messageId: string) =>
    `${ctx.origin}/v1.0/$metadata#users('${encodeURIComponent(user ?? 'me')}')/messages('${encodeURIComponent(messageId)}')/attachments`;

  const list: GraphHandler = async (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const message = requireMessage(box, req.params.id);
    const select = selectOf(req.query, ATTACHMENT_PROPERTIES, 'microsoft.graph.attachment');
    const value = await Promise.all(
      message.attachments.map(async (attachment) =>
        applySelect(await attachmentResource(attachment, select === undefined), select),
      ),
    );
    return { body: { '@odata.context': contextOf(req.params.user, req.params.id ?? ''), value } };
  };

  const findAttachment = (caller: Parameters<GraphHandler>[0], req: Parameters<GraphHandler>[1]) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const message = requireMessage(box, req.params.id);
    const attachment = message.attachments.find((candidate) => candidate.id === req.params.attachment);
    if (!attachment) throw itemNotFound();
    return { message, attachment };
  };

  const one: GraphHandler = async (caller, req) => {
    const { attachment } = findAttachment(caller, req);
    const select = selectOf(req.query, ATTACHMENT_PROPERTIES, 'microsoft.graph.attachment');
    return {
      body: {
        '@odata.context': `${contextOf(req.params.user, req.params.id ?? '')}/$entity`,
        ...applySelect(await attachmentResource(attachment, select === undefined), select),
      },
    };
  };

  const rawValue: GraphHandler = (caller, req) => {
    const { attachment } = findAttachment(caller, req);
    if (attachment.kind === 'reference') {
      throw new GraphError(
        405,
        'ErrorInvalidRequest',
        'The requested operation is not supported for this attachment type.',
      );
    }
    if (attachment.kind === 'item') {
      const mime = attachment.mime ?? Buffer.alloc(0);
      return { stream: mime, contentType: 'text/plain', length: mime.length };
    }
    return {
      stream: fileAttachmentContent(attachment),
      contentType: attachment.contentType ?? 'application/octet-stream',
      length: attachment.size,
    };
  };

  const messageValue: GraphHandler = (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    return { stream: messageMime(requireMessage(box, req.params.id)), contentType: 'text/plain' };
  };

  for (const path of mailPaths('/messages/:id/attachments')) app.get(path, graphRoute(ctx, list));
  for (const path of mailPaths('/messages/:id/attachments/:attachment')) app.get(path, graphRoute(ctx, one));
  for (const path of mailPaths('/messages/:id/attachments/:attachment/$value'))
    app.get(path, graphRoute(ctx, rawValue));
  for (const path of mailPaths('/messages/:id/$value')) app.get(path, graphRoute(ctx, messageValue));
}
