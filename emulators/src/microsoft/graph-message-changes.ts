import { badRequest } from './graph-errors.js';
import { isExtendedPropertyId } from './graph-mail-query.js';
import { MESSAGE_PROPERTIES } from './graph-mail-resources.js';
import type { FlagStatus, Importance } from './mail-model.js';
import type { MessageChanges } from './mailbox-store.js';

/**
 * The body of `PATCH /messages/{id}` for a received message: what Exchange lets a client change (isRead,
 * categories, flag, importance, single-value extended properties). Other message properties of a received mail
 * are read-only; unknown names are refused like Graph's OData parser does.
 */
const FLAG_STATUSES: readonly FlagStatus[] = ['notFlagged', 'flagged', 'complete'];
const IMPORTANCES: readonly Importance[] = ['low', 'normal', 'high'];
const IGNORED = new Set(['inferenceClassification', '@odata.type', '@odata.etag']);

const invalid = (name: string): Error => badRequest(`Invalid value for property '${name}'.`, 'ErrorInvalidRequest');

function extendedProperties(value: unknown): Array<{ id: string; value: string }> {
  if (!Array.isArray(value) || value.length > 32) throw invalid('singleValueExtendedProperties');
  return value.map((entry: unknown) => {
    const { id, value: propertyValue, ...rest } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !isExtendedPropertyId(id) || Object.keys(rest).length > 0) {
      throw badRequest(`The extended property id '${String(id)}' is not valid.`, 'ErrorInvalidProperty');
    }
    if (typeof propertyValue !== 'string' || propertyValue.length > 32 * 1024) {
      throw invalid('singleValueExtendedProperties');
    }
    return { id, value: propertyValue };
  });
}

export function checkMessageChanges(body: Record<string, unknown>): MessageChanges {
  const changes: MessageChanges = {};
  for (const [name, value] of Object.entries(body)) {
    switch (name) {
      case 'isRead':
        if (typeof value !== 'boolean') throw invalid(name);
        changes.isRead = value;
        break;
      case 'categories':
        if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) throw invalid(name);
        changes.categories = value as string[];
        break;
      case 'importance':
        if (!IMPORTANCES.includes(value as Importance)) throw invalid(name);
        changes.importance = value as Importance;
        break;
      case 'flag': {
        const status = (value as { flagStatus?: unknown } | null)?.flagStatus;
        if (!FLAG_STATUSES.includes(status as FlagStatus)) throw invalid(name);
        changes.flagStatus = status as FlagStatus;
        break;
      }
      case 'singleValueExtendedProperties':
        changes.extendedProperties = extendedProperties(value);
        break;
      default:
        if (IGNORED.has(name)) break;
        if (MESSAGE_PROPERTIES.includes(name)) {
          throw badRequest(
            'Update operation is invalid for property of a sent message.',
            'ErrorInvalidPropertyUpdateSentMessage',
          );
        }
        throw badRequest(
          `The property '${name}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
          'RequestBroker--ParseUri',
        );
    }
  }
  return changes;
}
