import { onBeforeUnmount, ref } from 'vue';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies text with the Clipboard API, falling back to a selected textarea and `execCommand('copy')` where the API
 * is missing or refused (older browsers, http without secure context). The state drives visible and aria-live
 * feedback and resets after a while.
 */
export function useClipboard(resetAfterMs = 4000) {
  const state = ref<CopyState>('idle');
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function copy(text: string): Promise<boolean> {
    clearTimeout(timer);
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = copyWithSelection(text);
    }
    state.value = ok ? 'copied' : 'failed';
    timer = setTimeout(() => (state.value = 'idle'), resetAfterMs);
    return ok;
  }

  onBeforeUnmount(() => clearTimeout(timer));
  return { state, copy };
}

function copyWithSelection(text: string): boolean {
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.style.position = 'fixed';
  textarea.style.opacity = '0';
  document.body.append(textarea);
  const previousFocus = document.activeElement as HTMLElement | null;
  textarea.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    textarea.remove();
    previousFocus?.focus();
  }
}
