import type { ImportMessage, ImportMessageState } from '@ecm365/shared';
import { ref, shallowRef } from 'vue';
import { toApiError, type ApiError } from '../../api/client';
import { invoiceImportApi } from '../../api/endpoints';

const PAGE_SIZE = 25;
/** The API's largest page: a refresh re-reads at most this many of the newest mails. */
const MAX_LIMIT = 100;

/**
 * The activity list: newest first, paged by the API's cursor („Weitere laden“), filtered by state. `refresh`
 * re-reads what is shown from the top (new mails appear, states change) and keeps pages loaded beyond it.
 */
export function useImportMessages() {
  const items = shallowRef<ImportMessage[]>([]);
  const nextCursor = ref<string | null>(null);
  const filter = ref<ImportMessageState | ''>('');
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = ref<ApiError | null>(null);
  /** Mails that arrived with the last refresh, for the screen reader announcement. */
  const arrived = ref(0);
  let generation = 0;

  const state = () => filter.value || undefined;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await invoiceImportApi.messages({ state: state(), limit: PAGE_SIZE });
      if (mine !== generation) return;
      items.value = page.items;
      nextCursor.value = page.nextCursor ?? null;
      arrived.value = 0;
    } catch (caught) {
      if (mine === generation) error.value = toApiError(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value) return;
    const mine = generation;
    loadingMore.value = true;
    error.value = null;
    try {
      const page = await invoiceImportApi.messages({ state: state(), limit: PAGE_SIZE, cursor: nextCursor.value });
      if (mine !== generation) return;
      const known = new Set(items.value.map((item) => item.id));
      items.value = [...items.value, ...page.items.filter((item) => !known.has(item.id))];
      nextCursor.value = page.nextCursor ?? null;
    } catch (caught) {
      if (mine === generation) error.value = toApiError(caught);
    } finally {
      loadingMore.value = false;
    }
  }

  async function refresh(): Promise<void> {
    const mine = generation;
    const limit = Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, items.value.length));
    const page = await invoiceImportApi.messages({ state: state(), limit });
    if (mine !== generation) return;
    const fresh = new Set(page.items.map((item) => item.id));
    const before = new Set(items.value.map((item) => item.id));
    // Beyond the re-read top: what was loaded with „Weitere laden“ stays, unless it moved up.
    const rest = items.value.slice(limit).filter((item) => !fresh.has(item.id));
    items.value = [...page.items, ...rest];
    if (items.value.length <= limit) nextCursor.value = page.nextCursor ?? null;
    arrived.value = page.items.filter((item) => !before.has(item.id)).length;
    error.value = null;
  }

  return { items, nextCursor, filter, loading, loadingMore, error, arrived, reload, loadMore, refresh };
}
