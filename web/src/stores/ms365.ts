import type {
  ConnectionResponse,
  ConnectionTestResult,
  ConnectResponse,
  FeatureSettings,
  InvoiceMailImportRequest,
  InvoiceMailImportSettings,
} from '@ecm365/shared';
import { defineStore } from 'pinia';
import { computed, readonly, ref, watch } from 'vue';
import { isApiError } from '../api/client';
import { invoiceImportApi, ms365Api } from '../api/endpoints';
import { useSessionStore } from './session';

type Busy = 'connecting' | 'redeeming' | 'testing' | 'disconnecting' | 'saving';

/** The tenant's Microsoft 365 connection as the Microsoft 365 page shows and changes it. */
export const useMs365Store = defineStore('ms365', () => {
  const connection = ref<ConnectionResponse | null>(null);
  /** The newest test result: from "Einrichtung abschließen", "erneut testen", or the stored last test. */
  const lastTest = ref<ConnectionTestResult | null>(null);
  /** The connector attempt started from this page; only its code is accepted from the connector window. */
  const attempt = ref<ConnectResponse | null>(null);
  const accessDenied = ref(false);
  const loading = ref(false);
  const busy = ref<Busy | null>(null);

  /** Everything above belongs to one signed-in session; nothing of it may show after a logout or to the next user. */
  function reset(): void {
    connection.value = null;
    lastTest.value = null;
    attempt.value = null;
    accessDenied.value = false;
  }
  // A logout or expiry leaves no session, and a login in another tab may bring another user or customer. A new
  // CSRF token of the same user (read again after a login in another tab) keeps what the page shows.
  const session = useSessionStore();
  watch(() => (session.session ? `${session.session.tenant.slug}/${session.session.user.id}` : null), reset);

  const status = computed(() => connection.value?.status ?? null);
  const invoiceMailImport = computed<FeatureSettings | null>(
    () => connection.value?.features.find((feature) => feature.id === 'invoice-mail-import') ?? null,
  );

  /** Any call may answer 403 access_denied (e.g. group membership removed meanwhile): show the explanation. */
  async function guarded<T>(run: () => Promise<T>, flag?: Busy): Promise<T> {
    if (flag) busy.value = flag;
    try {
      return await run();
    } catch (error) {
      if (isApiError(error, 'access_denied')) accessDenied.value = true;
      throw error;
    } finally {
      if (flag) busy.value = null;
    }
  }

  function setConnection(next: ConnectionResponse) {
    connection.value = next;
    lastTest.value = next.lastTest ?? null;
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      setConnection(await guarded(() => ms365Api.connection()));
      // Access may have been granted since a 403 (group membership added in ELO).
      accessDenied.value = false;
    } finally {
      loading.value = false;
    }
  }

  async function startAttempt(): Promise<ConnectResponse> {
    const started = await guarded(() => ms365Api.connect(), 'connecting');
    attempt.value = started;
    return started;
  }

  async function redeem(code: string): Promise<ConnectionTestResult> {
    const result = await guarded(() => ms365Api.redeem(code), 'redeeming');
    connection.value = result.connection;
    lastTest.value = result.test;
    attempt.value = null;
    return result.test;
  }

  async function retest(): Promise<ConnectionTestResult> {
    // The answer brings the connection the test left (status, e.g. needs_reauth, and the check times).
    const { connection: tested, ...result } = await guarded(() => ms365Api.test(), 'testing');
    lastTest.value = result;
    connection.value = tested;
    return result;
  }

  async function disconnect(): Promise<void> {
    await guarded(() => ms365Api.disconnect(), 'disconnecting');
    attempt.value = null;
    setConnection(await guarded(() => ms365Api.connection()));
  }

  /** Saves the import's settings; the feature list (which decides the requested permissions) follows them. */
  async function saveInvoiceMailImport(request: InvoiceMailImportRequest): Promise<InvoiceMailImportSettings> {
    const saved = await guarded(() => invoiceImportApi.save(request), 'saving');
    if (connection.value) {
      const feature: FeatureSettings = {
        id: saved.id,
        enabled: saved.enabled,
        mailbox: saved.mailbox,
        scopes: [...saved.scopes],
      };
      const others = connection.value.features.filter((existing) => existing.id !== feature.id);
      connection.value = { ...connection.value, features: [...others, feature] };
    }
    return saved;
  }

  return {
    connection: readonly(connection),
    lastTest: readonly(lastTest),
    attempt: readonly(attempt),
    accessDenied: readonly(accessDenied),
    loading: readonly(loading),
    busy: readonly(busy),
    status,
    invoiceMailImport,
    load,
    startAttempt,
    redeem,
    retest,
    disconnect,
    saveInvoiceMailImport,
  };
});
