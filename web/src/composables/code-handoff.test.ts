import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import { announceCode, useCodeReceiver } from './code-handoff';

/** A BroadcastChannel of this origin that delivers between the instances of one page, as the browser would. */
class FakeChannel {
  static open = new Set<FakeChannel>();
  private listeners: ((event: MessageEvent) => void)[] = [];
  constructor(readonly name: string) {
    FakeChannel.open.add(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open) {
      if (other === this || other.name !== this.name) continue;
      const event = new MessageEvent('message', { origin: location.origin, data });
      other.listeners.forEach((listener) => listener(event));
    }
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void) {
    this.listeners.push(listener);
  }
  close() {
    FakeChannel.open.delete(this);
  }
}

function mountReceiver(attemptId: () => string | null) {
  const onCode = vi.fn();
  const wrapper = mount(
    defineComponent({
      setup() {
        useCodeReceiver(attemptId, onCode);
        return () => null;
      },
    }),
  );
  return { wrapper, onCode };
}

describe('the code hand-over from the connector window', () => {
  afterEach(() => {
    FakeChannel.open.clear();
  });

  it('takes the code once although it arrives on both ways, again for a new attempt, and without the channel', () => {
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    // The connector's opener is this very window here: its postMessage arrives as a message event.
    vi.stubGlobal('opener', {
      postMessage: (data: unknown, origin: string) =>
        window.dispatchEvent(new MessageEvent('message', { origin, data })),
    });
    const attempt = ref<string | null>('a1');
    const { wrapper, onCode } = mountReceiver(() => attempt.value);

    announceCode('a1', 'K3QF-7H2M');
    expect(onCode).toHaveBeenCalledTimes(1);
    expect(onCode).toHaveBeenCalledWith('K3QF-7H2M');

    attempt.value = 'a2';
    announceCode('a1', 'K3QF-7H2M');
    announceCode('a2', 'P9XZ-4D2A');
    expect(onCode).toHaveBeenCalledTimes(2);
    expect(onCode).toHaveBeenLastCalledWith('P9XZ-4D2A');
    wrapper.unmount();

    // Without BroadcastChannel the opener alone brings it.
    vi.stubGlobal('BroadcastChannel', undefined);
    const withoutChannel = mountReceiver(() => 'a3');
    announceCode('a3', 'M4RT-8K1B');
    expect(withoutChannel.onCode).toHaveBeenCalledExactlyOnceWith('M4RT-8K1B');
    withoutChannel.wrapper.unmount();
  });
});
