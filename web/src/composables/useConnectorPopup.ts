import { ref } from 'vue';
import { toApiError, type ApiError } from '../api/client';
import { useMs365Store } from '../stores/ms365';

export const CONNECTOR_WINDOW_NAME = 'ecm365-connector';
const CONNECTOR_WINDOW_FEATURES = 'popup,width=560,height=720';

/**
 * Opens the connector window for a new attempt. The popup must be opened synchronously inside the click
 * handler, before the first await: browsers only let a user gesture open windows. It starts blank (with a
 * loading text) and is pointed at the connector once the API has created the attempt.
 */
export function useConnectorPopup(loadingText: () => string) {
  const store = useMs365Store();
  const blocked = ref(false);
  const connectorUrl = ref<string | null>(null);
  const error = ref<ApiError | null>(null);

  async function open(): Promise<void> {
    const popup = window.open('', CONNECTOR_WINDOW_NAME, CONNECTOR_WINDOW_FEATURES);
    blocked.value = popup === null;
    connectorUrl.value = null;
    error.value = null;
    if (popup) showLoading(popup, loadingText());

    try {
      const attempt = await store.startAttempt();
      connectorUrl.value = sameOrigin(attempt.connectorUrl);
      if (popup && !popup.closed) {
        popup.location.href = connectorUrl.value;
        popup.focus();
      }
    } catch (caught) {
      popup?.close();
      error.value = toApiError(caught);
    }
  }

  function reset(): void {
    blocked.value = false;
    connectorUrl.value = null;
    error.value = null;
  }

  return { open, reset, blocked, connectorUrl, error };
}

/** The connector is part of this portal; never send the window (and later the code) anywhere else. */
function sameOrigin(url: string): string {
  const parsed = new URL(url, location.origin);
  if (parsed.origin !== location.origin) return `${parsed.pathname}${parsed.search}`;
  return parsed.href;
}

function showLoading(popup: Window, text: string): void {
  try {
    popup.document.title = text;
    popup.document.body.style.font = '16px system-ui, sans-serif';
    popup.document.body.style.margin = '2rem';
    popup.document.body.textContent = text;
  } catch {
    // A reused window may already show another page; it is redirected in a moment anyway.
  }
}
