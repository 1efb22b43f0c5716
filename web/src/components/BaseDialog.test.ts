import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { flush, mountWithPlugins } from '../test/helpers';
import BaseDialog from './BaseDialog.vue';

const Host = defineComponent(() => {
  const open = ref(false);
  return () => [
    h('button', { id: 'opener', onClick: () => (open.value = true) }, 'Öffnen'),
    h(
      BaseDialog,
      { open: open.value, title: 'Wirklich?', role: 'alertdialog', onClose: () => (open.value = false) },
      {
        default: () => h('p', 'Text'),
        actions: () => [h('button', { id: 'first', 'data-autofocus': '' }, 'Nein'), h('button', { id: 'last' }, 'Ja')],
      },
    ),
  ];
});

describe('the confirmation dialog', () => {
  it('takes the focus, keeps Tab inside, closes on Escape and gives the focus back', async () => {
    const { wrapper } = mountWithPlugins(Host);
    const opener = wrapper.get('#opener').element as HTMLButtonElement;
    opener.focus();
    await wrapper.get('#opener').trigger('click');
    await flush();

    const dialog = document.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Wirklich?');
    expect(document.activeElement?.id).toBe('first');

    document.getElementById('last')!.focus();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(document.activeElement?.id).toBe('first');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    expect(document.activeElement?.id).toBe('last');

    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(document.querySelector('[role=alertdialog]')).toBeNull();
    expect(document.activeElement).toBe(opener);
    wrapper.unmount();
  });
});
