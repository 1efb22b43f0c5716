/** Prints rows as an aligned plain-text table (for the admin CLI). */
export function printTable(headers: string[], rows: string[][]): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log([line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
}
