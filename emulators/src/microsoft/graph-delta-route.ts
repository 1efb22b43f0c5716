import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { badRequest, GraphError } from './graph-errors.js';
import { graphRoute, type GraphHandler, type GraphRequest, type Preferences } from './graph-handler.js';
import { mailPaths, mailboxStore, requireFolder } from './graph-mail.js';
import { expandedPropertyIdsOf, newestFirstOf, receivedFilterOf } from './graph-mail-query.js';
import { MESSAGE_PROPERTIES, messageResource } from './graph-mail-resources.js';
import { applySelect, pagingOf, queryOption, selectOf } from './graph-odata.js';
import { roundEntries, type DeltaEntry, type DeltaOptions, type SyncState } from './mail-delta.js';
import type { MailboxStore } from './mailbox-store.js';

/** `GET …/mailFolders/{id}/messages/delta`: see mail-delta.ts for the round and token model. */

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;

function syncStateNotFound(expired: { generation?: number; highest?: number }): GraphError {
  const detail =
    expired.generation !== undefined
      ? `; generation=${expired.generation};[highest=${expired.highest ?? expired.generation}]`
      : '';
  return new GraphError(410, 'SyncStateNotFound', `The sync state generation is not found${detail}.`);
}

/** A query option by name, case-insensitively (`$deltatoken` and `$deltaToken` both appear in Graph's docs). */
function tokenOption(query: unknown, name: string): string | undefined {
  const key = Object.keys((query ?? {}) as object).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : queryOption(query, key);
}

/** Query options count only on the first request of a sync; the tokens carry them from then on. */
function deltaOptionsOf(query: unknown): DeltaOptions {
  const changeType = queryOption(query, 'changeType');
  if (changeType !== undefined && !(CHANGE_TYPES as readonly string[]).includes(changeType)) {
    throw badRequest(
      `The value '${changeType}' of the query option 'changeType' is not valid.`,
      'ErrorInvalidUrlQuery',
    );
  }
  if (queryOption(query, '$search') !== undefined) {
    throw badRequest('The query option $search is not supported with delta.', 'ErrorInvalidUrlQuery');
  }
  return {
    select: selectOf(query, MESSAGE_PROPERTIES, 'microsoft.graph.message'),
    top: queryOption(query, '$top') === undefined ? undefined : pagingOf(query).top,
    receivedFilter: receivedFilterOf(query),
    newestFirst: newestFirstOf(query),
    changeType: changeType as DeltaOptions['changeType'],
    expandedPropertyIds: expandedPropertyIdsOf(query),
  };
}

function renderEntry(box: MailboxStore, state: SyncState, entry: DeltaEntry, immutableIds: boolean) {
  const removed = (immutableId: string, restId: string) => ({
    '@odata.type': '#microsoft.graph.message',
    id: immutableIds ? immutableId : restId,
    '@removed': { reason: 'deleted' },
  });
  if (entry.kind === 'removed') return removed(entry.tombstone.immutableId, entry.tombstone.restId);
  const message = box.findMessage(entry.immutableId);
  // Left the folder after the round's snapshot: report what the folder no longer holds.
  if (!message || message.folderId !== state.folderId) {
    return removed(entry.immutableId, message?.restId ?? entry.immutableId);
  }
  const resource = messageResource(message, immutableIds, state.options.expandedPropertyIds);
  if (entry.partial) {
    const { id, isRead, parentFolderId } = resource;
    return {
      '@odata.type': '#microsoft.graph.message',
      '@odata.etag': resource['@odata.etag'],
      id,
      isRead,
      parentFolderId,
    };
  }
  const selected = applySelect(resource, state.options.select);
  return {
    '@odata.type': '#microsoft.graph.message',
    ...selected,
    ...(resource.singleValueExtendedProperties
      ? { singleValueExtendedProperties: resource.singleValueExtendedProperties }
      : {}),
  };
}

export function registerDeltaRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  const link = (box: MailboxStore, folderId: string, option: string, token: string): string => {
    // Like Graph, the links name the mailbox by its id and the folder in key syntax: clients must follow them as
    // they are, not rebuild them.
    const mailboxId = ctx.directory.findMailbox(box.address)?.id ?? box.address;
    return `${ctx.origin}/v1.0/users/${mailboxId}/mailFolders('${encodeURIComponent(folderId)}')/messages/delta?${option}=${token}`;
  };

  const servePage = (box: MailboxStore, state: SyncState, prefs: Preferences) => {
    const round = state.round;
    if (!round) throw new Error('servePage needs a round');
    if (prefs.maxPageSize !== undefined) prefs.applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
    const size = Math.min(prefs.maxPageSize ?? state.options.top ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const entries = round.entries.slice(round.offset, round.offset + size);
    const rest = { mailbox: state.mailbox, folderId: state.folderId, options: state.options, chain: state.chain };
    const more = round.offset + size < round.entries.length;
    const nextLink = more
      ? link(
          box,
          state.folderId,
          '$skiptoken',
          ctx.mail.deltaTokens.issue({ ...rest, round: { ...round, offset: round.offset + size } }),
        )
      : undefined;
    const deltaLink = more
      ? undefined
      : link(box, state.folderId, '$deltatoken', ctx.mail.deltaTokens.issue({ ...rest, sinceSeq: round.highWater }));
    return {
      body: {
        '@odata.context': `${ctx.origin}/v1.0/$metadata#Collection(message)`,
        ...(nextLink ? { '@odata.nextLink': nextLink } : { '@odata.deltaLink': deltaLink }),
        value: entries.map((entry) => renderEntry(box, state, entry, prefs.immutableIds)),
      },
    };
  };

  const startRound = (box: MailboxStore, state: Omit<SyncState, 'generation' | 'chain'>, prefs: Preferences) => {
    const since = state.sinceSeq;
    if (since !== undefined && since < box.tombstoneFloor) throw syncStateNotFound({});
    const replay = since !== undefined && ctx.mail.takeReplay(box.address);
    const entries = roundEntries(box, state.folderId, state.options, since, replay);
    const round = { entries, offset: 0, highWater: box.seq };
    return servePage(box, { ...state, chain: randomUUID(), generation: 0, round }, prefs);
  };

  const delta: GraphHandler = (caller, req: GraphRequest, prefs) => {
    const box = mailboxStore(ctx, caller, req.params.user);
    const key = req.params.folder ?? /^mailFolders\('(.+)'\)$/.exec(req.params.folderKey ?? '')?.[1];
    if (key === undefined) {
      throw badRequest(`Resource not found for the segment '${req.params.folderKey ?? ''}'.`);
    }
    const folder = requireFolder(box, key);
    const token = tokenOption(req.query, '$skiptoken') ?? tokenOption(req.query, '$deltatoken');
    if (token === undefined) {
      return startRound(box, { mailbox: box.address, folderId: folder.id, options: deltaOptionsOf(req.query) }, prefs);
    }
    const found = ctx.mail.deltaTokens.find(token);
    if ('expired' in found) throw syncStateNotFound(found.expired);
    const state = found.state;
    if (state.mailbox !== box.address || state.folderId !== folder.id) throw syncStateNotFound({});
    return state.round ? servePage(box, state, prefs) : startRound(box, state, prefs);
  };

  for (const path of [
    ...mailPaths('/mailFolders/:folder/messages/delta'),
    ...mailPaths('/:folderKey/messages/delta'),
  ]) {
    app.get(path, graphRoute(ctx, delta));
  }
}
