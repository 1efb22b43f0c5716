import type { FastifyReply } from 'fastify';

/**
 * Serialised answers of views that a cache hands out again and again (the status read: the same object for every
 * poll while the status cache holds it), one per view object and variant (the language). Keyed by the object
 * itself: a write drops the cache entry, the next read loads a new object, and the old object's strings go with
 * it (a WeakMap), so a serialised answer never outlives the view it was made from. With the cache off every read
 * brings a new object and this only costs one map entry.
 */
export class SerializedViews<V extends object, K> {
  private readonly byView = new WeakMap<V, Map<K, string>>();

  /** The JSON of `view` in `variant`, made by `serialize` the first time and reused while `view` is handed out. */
  get(view: V, variant: K, serialize: () => string): string {
    let variants = this.byView.get(view);
    if (!variants) {
      variants = new Map();
      this.byView.set(view, variants);
    }
    let json = variants.get(variant);
    if (json === undefined) {
      json = serialize();
      variants.set(variant, json);
    }
    return json;
  }
}

/**
 * Sends JSON made by the route's own serializer earlier (`reply.serialize`), as it is: a string with a JSON
 * content type is not serialised again. The content type is what Fastify sets for the JSON it serialises itself.
 */
export function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
