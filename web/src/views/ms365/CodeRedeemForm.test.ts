import { formatMs365Code } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { useMs365Store } from '../../stores/ms365';
import { apiError, connected, flush, mockApi, mountWithPlugins, testResult } from '../../test/helpers';
import CodeRedeemForm from './CodeRedeemForm.vue';

const validCode = formatMs365Code(new Uint8Array(17).map((_, i) => i * 13));

function mountForm(code = '') {
  const { wrapper } = mountWithPlugins(CodeRedeemForm, {
    props: {
      code,
      codeFromConnector: false,
      'onUpdate:code': (value: string) => wrapper.setProps({ code: value }),
    },
  });
  return wrapper;
}

describe('the MS365 code field', () => {
  it('says at once when a complete input cannot be a code, and does not send it', async () => {
    const { requests } = mockApi({});
    const typo = validCode.slice(0, -1) + (validCode.endsWith('0') ? '1' : '0');
    const wrapper = mountForm();
    await wrapper.get('input').setValue(typo);
    expect(wrapper.get('#ms365-code-error').text()).toContain('kein gültiger MS365 Code');
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true');

    await wrapper.get('form').trigger('submit');
    await flush();
    expect(requests).toHaveLength(0);
  });

  it('does not complain while a code is still being typed, but asks for one on submit', async () => {
    mockApi({});
    const wrapper = mountForm();
    await wrapper.get('input').setValue('K3QF-7H');
    expect(wrapper.get('#ms365-code-error').text()).toBe('');
    await wrapper.get('input').setValue('');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('#ms365-code-error').text()).toContain('Bitte fügen Sie den MS365 Code ein.');
  });

  it('accepts lower case with whitespace and lets the server decide', async () => {
    const { requests } = mockApi({ 'POST /ms365/connection': { body: { connection: connected, test: testResult } } });
    const wrapper = mountForm();
    await wrapper.get('input').setValue(`  ${validCode.toLowerCase()} `);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/ms365/connection',
      body: { code: validCode.toLowerCase() },
    });
    expect(useMs365Store().status).toBe('connected');
    expect(useMs365Store().lastTest).toEqual(testResult);
  });

  it('explains an unknown or expired code', async () => {
    mockApi({ 'POST /ms365/connection': apiError(400, 'invalid_code', 'Der Code ist ungültig.') });
    const wrapper = mountForm();
    await wrapper.get('input').setValue(validCode);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.get('[data-testid=redeem-error]').text()).toContain('ungültig oder abgelaufen');
  });

  it('tells how long to wait after too many wrong codes', async () => {
    mockApi({
      'POST /ms365/connection': apiError(429, 'too_many_attempts', 'Zu viele', { retryAfterSeconds: 300 }),
    });
    const wrapper = mountForm();
    await wrapper.get('input').setValue(validCode);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.get('[data-testid=redeem-error]').text()).toContain('5 Minuten');
  });
});
