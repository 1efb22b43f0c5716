import { UNSAFE_TEXT_CHARACTER } from '@ecm365/shared';

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A cell as text that cannot act on the terminal: control characters, line separators and bidirectional
 * overrides written as escapes (`\n`, `\u001b`), so that a value holding them (an old audit row, a name ELO
 * answered with) stays on its own line and cannot forge another row, colour or erase one.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNSAFE_TEXT_CHARACTER,
    (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Prints rows as an aligned plain-text table (for the admin CLI); every cell is escaped for the terminal. */
export function printTable(headers: string[], rows: string[][]): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const cells = rows.map((row) => row.map(escapeForTerminal));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log([line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n'));
}
