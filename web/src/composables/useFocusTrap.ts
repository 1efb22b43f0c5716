import { nextTick, type Ref } from 'vue';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps keyboard focus inside a modal dialog while it is open and gives it back to the element that had it
 * before. (The menu drawer does not use it: it makes the page behind it `inert` instead, see AppLayout.)
 */
export function useFocusTrap(container: Ref<HTMLElement | null>) {
  let returnTo: HTMLElement | null = null;

  const focusable = () => [...(container.value?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];

  async function activate(initial?: HTMLElement | null) {
    returnTo = document.activeElement as HTMLElement | null;
    await nextTick();
    (initial ?? focusable()[0] ?? container.value)?.focus();
  }

  function deactivate() {
    returnTo?.focus();
    returnTo = null;
  }

  /** Bind to keydown on the container: Tab and Shift+Tab wrap around. */
  function onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Tab') return;
    const items = focusable();
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return { activate, deactivate, onKeydown };
}
