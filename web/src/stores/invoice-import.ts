import type { InvoiceMailImportRequest, InvoiceMailImportResponse } from '@ecm365/shared';
import { defineStore } from 'pinia';
import { readonly, ref, watch } from 'vue';
import { invoiceImportApi } from '../api/endpoints';
import { useMs365Store } from './ms365';
import { useSessionStore } from './session';

type Busy = 'saving' | 'running';
/** „Jetzt prüfen“ is reported as under way for at most this long, should the round's end never be seen. */
const RUN_NOTE_MS = 60_000;

/** „Rechnungs-Import via E-Mail“: its settings and state (SPEC §9) as the card on the Microsoft 365 page shows them. */
export const useInvoiceImportStore = defineStore('invoiceImport', () => {
  const current = ref<InvoiceMailImportResponse | null>(null);
  const busy = ref<Busy | null>(null);
  /** When „Jetzt prüfen“ was last accepted: the card says so until the round has ended. */
  const runRequestedAt = ref<number | null>(null);

  const session = useSessionStore();
  watch(
    () => (session.session ? `${session.session.tenant.slug}/${session.session.user.id}` : null),
    () => {
      current.value = null;
      runRequestedAt.value = null;
    },
  );

  async function load(): Promise<void> {
    current.value = await invoiceImportApi.get();
    const lastRun = current.value.lastRunAt ? Date.parse(current.value.lastRunAt) : 0;
    const requested = runRequestedAt.value;
    if (requested !== null && (lastRun >= requested || Date.now() - requested > RUN_NOTE_MS)) {
      runRequestedAt.value = null;
    }
  }

  async function save(request: InvoiceMailImportRequest): Promise<void> {
    busy.value = 'saving';
    try {
      await useMs365Store().saveInvoiceMailImport(request);
      await load();
    } finally {
      busy.value = null;
    }
  }

  /** „Jetzt prüfen“: a round now (the API coalesces it with one already running). */
  async function run(): Promise<void> {
    busy.value = 'running';
    try {
      // A second's slack: the server's clock and ours differ a little, and the round ends after it was asked for.
      const requestedAt = Date.now() - 1000;
      await invoiceImportApi.run();
      runRequestedAt.value = requestedAt;
      await load();
    } finally {
      busy.value = null;
    }
  }

  return {
    current: readonly(current),
    busy: readonly(busy),
    runRequestedAt: readonly(runRequestedAt),
    load,
    save,
    run,
  };
});
