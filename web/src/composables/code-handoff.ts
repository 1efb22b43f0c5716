import { onBeforeUnmount, onMounted } from 'vue';

/** The connector window hands the MS365 code to the portal page over this channel (same origin only). */
export const HANDOFF_CHANNEL = 'ecm365-ms365';

export interface Ms365CodeMessage {
  type: 'ms365-code';
  attemptId: string;
  code: string;
}

/** The portal page tells the connector window how far it got, so the window can say so (or close). */
export interface Ms365PortalMessage {
  type: 'ms365-code-received' | 'ms365-connected';
  attemptId: string;
}

export function isCodeMessage(data: unknown): data is Ms365CodeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return message.type === 'ms365-code' && typeof message.attemptId === 'string' && typeof message.code === 'string';
}

/**
 * Connector window: offers the code to the portal page that opened it, on both ways on purpose. BroadcastChannel
 * reaches the portal when the connector runs in a tab of its own (popup blocked, `rel="opener"` lost);
 * `opener.postMessage` covers browsers without BroadcastChannel and windows the channel does not reach (another
 * storage partition). Both stay inside this origin; the portal checks origin and attempt id and takes the code of
 * an attempt only once.
 */
export function announceCode(attemptId: string, code: string): void {
  const message: Ms365CodeMessage = { type: 'ms365-code', attemptId, code };
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(HANDOFF_CHANNEL);
    channel.postMessage(message);
    channel.close();
  }
  try {
    window.opener?.postMessage(message, location.origin);
  } catch {
    // The opener navigated to another origin meanwhile: copy/paste is the fallback.
  }
}

/**
 * Portal page: calls `onCode` once with the code from the connector window for the attempt this page started (it
 * arrives on both ways, see `announceCode`). Messages from other origins, of another shape or for another attempt
 * are ignored.
 */
export function useCodeReceiver(expectedAttemptId: () => string | null, onCode: (code: string) => void): void {
  let channel: BroadcastChannel | null = null;
  let acceptedAttemptId: string | null = null;

  const accept = (event: MessageEvent) => {
    if (event.origin !== location.origin) return;
    if (!isCodeMessage(event.data)) return;
    const expected = expectedAttemptId();
    if (!expected || event.data.attemptId !== expected || acceptedAttemptId === expected) return;
    acceptedAttemptId = expected;
    onCode(event.data.code);
  };

  onMounted(() => {
    window.addEventListener('message', accept);
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(HANDOFF_CHANNEL);
      channel.addEventListener('message', accept);
    }
  });
  onBeforeUnmount(() => {
    window.removeEventListener('message', accept);
    channel?.close();
    channel = null;
  });
}

/** Portal page → connector window(s): the code arrived / the connection is set up. */
export function notifyConnector(type: Ms365PortalMessage['type'], attemptId: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(HANDOFF_CHANNEL);
  channel.postMessage({ type, attemptId } satisfies Ms365PortalMessage);
  channel.close();
}

/** Connector window: hears what the portal page did with this attempt's code. */
export function usePortalEvents(attemptId: () => string, onEvent: (type: Ms365PortalMessage['type']) => void): void {
  let channel: BroadcastChannel | null = null;
  const accept = (event: MessageEvent) => {
    const data = event.data as Partial<Ms365PortalMessage> | null;
    if (event.origin !== location.origin || !data || data.attemptId !== attemptId()) return;
    if (data.type === 'ms365-code-received' || data.type === 'ms365-connected') onEvent(data.type);
  };
  onMounted(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    channel = new BroadcastChannel(HANDOFF_CHANNEL);
    channel.addEventListener('message', accept);
  });
  onBeforeUnmount(() => {
    channel?.close();
    channel = null;
  });
}
