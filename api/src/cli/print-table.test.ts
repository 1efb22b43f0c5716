import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeForTerminal, printTable } from './print-table.js';

describe('the CLI tables', () => {
  afterEach(() => vi.restoreAllMocks());

  it('write control characters, line separators and bidi overrides as escapes', () => {
    expect(escapeForTerminal('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(escapeForTerminal('\u001b[2K\u0007\u0000\u007f\u009b')).toBe('\\u001b[2K\\u0007\\u0000\\u007f\\u009b');
    expect(escapeForTerminal('x\u2028y\u202ez')).toBe('x\\u2028y\\u202ez');
    expect(escapeForTerminal('Müller – ELO „admin“ 日本')).toBe('Müller – ELO „admin“ 日本');
  });

  it('keep every row on one line, whatever its cells hold', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    printTable(
      ['actor', 'action'],
      [
        ['mallory\n2026-01-01T00:00:00.000Z  admin  ms365.disconnect  success\u001b[1A\u001b[2K', 'auth.login'],
        ['admin', 'ms365.test'],
      ],
    );
    const lines = (printed[0] ?? '').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^mallory\\n2026-01-01T00:00:00\.000Z {2}admin {2}ms365\.disconnect {2}success\\u001b\[1A/,
    );
    expect(printed[0]).not.toContain('\u001b');
  });
});
