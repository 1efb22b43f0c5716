import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { registerDeltaRoute } from './graph-delta-route.js';
import { badRequest, GraphError } from './graph-errors.js';
import { graphRoute, type GraphHandler, type GraphRequest } from './graph-handler.js';
import { registerAttachmentRoutes } from './graph-attachment-routes.js';
import { mailPaths, mailboxStore, requireFolder, requireMessage } from './graph-mail.js';
import { displayNameFilterOf, expandedPropertyIdsOf, propertyFilterOf } from './graph-mail-query.js';
import { FOLDER_PROPERTIES, MESSAGE_PROPERTIES, folderResource, messageResource } from './graph-mail-resources.js';
import { checkMessageChanges } from './graph-message-changes.js';
import { applySelect, pagingOf, selectOf } from './graph-odata.js';
import { registerMailboxConcurrencyLimit } from './mailbox-concurrency.js';

const contextOf = (ctx: EmulatorContext, req: GraphRequest, tail: string): string =>
  `${ctx.origin}/v1.0/$metadata#users('${encodeURIComponent(req.params.user ?? 'me')}')${tail}`;

/** A page of a collection with `$top`/`$skip` and a nextLink carrying them (and `$select`). */
function page<T>(
  ctx: EmulatorContext,
  req: GraphRequest,
  all: T[],
  select: string[] | undefined,
  render: (item: T) => Record<string, unknown>,
  defaultTop = 10,
): { value: Array<Record<string, unknown>>; nextLink?: string } {
  const { top, skip } = pagingOf(req.query, defaultTop);
  const value = all.slice(skip, skip + top).map((item) => applySelect(render(item), select));
  if (skip + top >= all.length) return { value };
  const next = new URLSearchParams(req.query as Record<string, string>);
  next.set('$top', String(top));
  next.set('$skip', String(skip + top));
  return { value, nextLink: `${ctx.origin}${req.url.split('?')[0] ?? ''}?${next.toString()}` };
}

function collection(context: string, result: { value: unknown[]; nextLink?: string }): { body: unknown } {
  return {
    body: {
      '@odata.context': context,
      value: result.value,
      ...(result.nextLink ? { '@odata.nextLink': result.nextLink } : {}),
    },
  };
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Empty Payload. JSON content expected.', 'ErrorInvalidRequest');
  }
  return body as Record<string, unknown>;
}

export function registerGraphMailRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerMailboxConcurrencyLimit(app, ctx);

  const topFolders: GraphHandler = (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const select = selectOf(req.query, FOLDER_PROPERTIES, 'microsoft.graph.mailFolder');
    const folders = box.childFoldersOf(box.rootId).filter((folder) => !folder.isHidden);
    return collection(
      contextOf(ctx, req, '/mailFolders'),
      page(ctx, req, folders, select, (folder) => folderResource(box, folder)),
    );
  };

  const folder: GraphHandler = (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const found = requireFolder(box, req.params.folder);
    const select = selectOf(req.query, FOLDER_PROPERTIES, 'microsoft.graph.mailFolder');
    return {
      body: {
        '@odata.context': contextOf(ctx, req, '/mailFolders/$entity'),
        ...applySelect(folderResource(box, found), select),
      },
    };
  };

  const childFolders: GraphHandler = (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const parent = requireFolder(box, req.params.folder);
    const select = selectOf(req.query, FOLDER_PROPERTIES, 'microsoft.graph.mailFolder');
    const name = displayNameFilterOf(req.query)?.toLowerCase();
    const children = box
      .childFoldersOf(parent.id)
      .filter((child) => name === undefined || child.displayName.toLowerCase() === name);
    return collection(
      contextOf(ctx, req, `/mailFolders('${parent.id}')/childFolders`),
      page(ctx, req, children, select, (child) => folderResource(box, child)),
    );
  };

  const createChildFolder: GraphHandler = (caller, req) => {
    const box = mailboxStore(ctx, caller, req.params.user, 'write');
    const parent = requireFolder(box, req.params.folder);
    const body = bodyObject(req.body);
    const { displayName, isHidden } = body;
    if (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 255) {
      throw badRequest('The folder name is missing or invalid.', 'ErrorInvalidRequest');
    }
    if (isHidden !== undefined && typeof isHidden !== 'boolean') {
      throw badRequest("Invalid value for property 'isHidden'.", 'ErrorInvalidRequest');
    }
    const created = box.createChildFolder(parent.id, displayName, isHidden ?? false);
    if (!created) {
      // Exchange answers 400 (some tenants 409) with this code; clients must look the folder up instead.
      throw new GraphError(
        400,
        'ErrorFolderExists',
        `A folder with the specified name already exists., Could not create folder '${displayName}'.`,
      );
    }
    return {
      status: 201,
      body: {
        '@odata.context': contextOf(ctx, req, `/mailFolders('${parent.id}')/childFolders/$entity`),
        ...folderResource(box, created),
      },
    };
  };

  const folderMessages: GraphHandler = (caller, req, prefs) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const found = requireFolder(box, req.params.folder);
    const select = selectOf(req.query, MESSAGE_PROPERTIES, 'microsoft.graph.message');
    const expanded = expandedPropertyIdsOf(req.query);
    const filter = propertyFilterOf(req.query);
    const messages = box
      .messagesIn(found.id)
      .filter((message) => {
        if (!filter) return true;
        return message.extendedProperties.get(filter.id.toLowerCase())?.value === filter.value;
      })
      .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    const render = (message: (typeof messages)[number]) => {
      const resource = messageResource(message, prefs.immutableIds, expanded);
      return keepExpanded(resource, applySelect(resource, select));
    };
    return collection(
      contextOf(ctx, req, `/mailFolders('${found.id}')/messages`),
      page(ctx, req, messages, undefined, render),
    );
  };

  const message: GraphHandler = (caller, req, prefs) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const found = requireMessage(box, req.params.id);
    const select = selectOf(req.query, MESSAGE_PROPERTIES, 'microsoft.graph.message');
    const resource = messageResource(found, prefs.immutableIds, expandedPropertyIdsOf(req.query));
    return {
      body: {
        '@odata.context': contextOf(ctx, req, '/messages/$entity'),
        ...keepExpanded(resource, applySelect(resource, select)),
      },
    };
  };

  const updateMessage: GraphHandler = (caller, req, prefs) => {
    const box = mailboxStore(ctx, caller, req.params.user, 'write');
    const found = requireMessage(box, req.params.id);
    const updated = box.update(found, checkMessageChanges(bodyObject(req.body)));
    return {
      body: {
        '@odata.context': contextOf(ctx, req, '/messages/$entity'),
        ...messageResource(updated, prefs.immutableIds),
      },
    };
  };

  const moveMessage: GraphHandler = (caller, req, prefs) => {
    const box = mailboxStore(ctx, caller, req.params.user, 'write');
    const found = requireMessage(box, req.params.id);
    const { destinationId } = bodyObject(req.body);
    if (typeof destinationId !== 'string' || destinationId === '') {
      throw badRequest("The value of 'destinationId' is missing or invalid.", 'ErrorInvalidRequest');
    }
    const destination = requireFolder(box, destinationId);
    const moved = box.move(found, destination.id);
    return {
      status: 201,
      body: {
        '@odata.context': contextOf(ctx, req, '/messages/$entity'),
        ...messageResource(moved, prefs.immutableIds),
      },
    };
  };

  for (const path of mailPaths('/mailFolders')) app.get(path, graphRoute(ctx, topFolders));
  for (const path of mailPaths('/mailFolders/:folder')) app.get(path, graphRoute(ctx, folder));
  for (const path of mailPaths('/mailFolders/:folder/childFolders')) {
    app.get(path, graphRoute(ctx, childFolders));
    app.post(path, graphRoute(ctx, createChildFolder, { changes: true }));
  }
  for (const path of mailPaths('/mailFolders/:folder/messages')) app.get(path, graphRoute(ctx, folderMessages));
  for (const path of mailPaths('/messages/:id')) {
    app.get(path, graphRoute(ctx, message));
    app.patch(path, graphRoute(ctx, updateMessage, { changes: true }));
  }
  for (const path of mailPaths('/messages/:id/move')) app.post(path, graphRoute(ctx, moveMessage, { changes: true }));
  registerDeltaRoute(app, ctx);
  registerAttachmentRoutes(app, ctx);
}

/** `$select` never drops an `$expand`ed navigation property. */
function keepExpanded(full: Record<string, unknown>, selected: Record<string, unknown>): Record<string, unknown> {
  const expanded = full.singleValueExtendedProperties;
  return expanded === undefined ? selected : { ...selected, singleValueExtendedProperties: expanded };
}
