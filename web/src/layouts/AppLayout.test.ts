import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { flush, mountWithPlugins } from '../test/helpers';
import AppLayout from './AppLayout.vue';

async function mountLayout(narrow: boolean) {
  vi.stubGlobal('matchMedia', () => ({ matches: narrow, addEventListener() {}, removeEventListener() {} }));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>start</p>' } },
      { path: '/microsoft-365', component: { template: '<p>ms365</p>' } },
    ],
  });
  await router.push('/');
  const { wrapper } = mountWithPlugins(AppLayout, { global: { plugins: [router] } });
  return { wrapper, router };
}

describe('the app layout', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('makes the page behind the open drawer inert on narrow screens only', async () => {
    const { wrapper, router } = await mountLayout(true);
    const main = () => wrapper.get('main').element;
    expect(main().hasAttribute('inert')).toBe(false);

    await wrapper.get('button.burger').trigger('click');
    await new Promise((resolve) => requestAnimationFrame(resolve)); // the first menu entry takes the focus
    expect(main().hasAttribute('inert')).toBe(true);
    expect(wrapper.get('header').element.hasAttribute('inert')).toBe(false);

    await router.push('/microsoft-365');
    await flush();
    expect(main().hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(main());
    wrapper.unmount();

    // Wide screens show the menu beside the page, which stays usable.
    const wide = await mountLayout(false);
    expect(wide.wrapper.get('nav').element.closest('[hidden]')).toBeNull();
    expect(wide.wrapper.get('main').element.hasAttribute('inert')).toBe(false);
  });
});
