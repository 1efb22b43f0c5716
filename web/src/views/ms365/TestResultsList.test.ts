import { describe, expect, it } from 'vitest';
import { mountWithPlugins, testResult } from '../../test/helpers';
import TestResultsList from './TestResultsList.vue';

describe('the test results list', () => {
  it('lists every check with a symbol and a word, not colour alone, and the hint of failed ones', () => {
    const { wrapper } = mountWithPlugins(TestResultsList, { props: { result: testResult } });
    const items = wrapper.findAll('li');
    expect(items).toHaveLength(2);
    expect(items[0]!.text()).toContain('✓');
    expect(items[0]!.text()).toContain('OK');
    expect(items[1]!.text()).toContain('✗');
    expect(items[1]!.text()).toContain('Fehler');
    expect(items[1]!.text()).toContain('Hinweis: Der Benutzer mit dem Sie die Microsoft 365 Verbindung herstellen');
    expect(wrapper.get('[data-testid=test-summary]').text()).toContain('1 von 2 Prüfungen fehlgeschlagen');
  });

  it('sums up a passing test', () => {
    const ok = { ...testResult, ok: true, checks: [testResult.checks[0]!] };
    const { wrapper } = mountWithPlugins(TestResultsList, { props: { result: ok } });
    expect(wrapper.get('[data-testid=test-summary]').text()).toContain('Alle Prüfungen erfolgreich');
  });
});
