export type Cell = string | number;

const format = (cell: Cell): string =>
  typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : cell.toFixed(cell < 10 ? 2 : 1)) : cell;

/** A plain text table: the first row is the header, numbers right-aligned. */
export function printTable(title: string, rows: Cell[][]): void {
  const text = rows.map((row) => row.map(format));
  const widths = text[0]?.map((_, column) => Math.max(...text.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[], cells: Cell[]) =>
    row
      .map((cell, column) =>
        typeof cells[column] === 'number' ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  text.forEach((row, index) => {
    console.log(line(row, rows[index] ?? []));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}

/** One machine-readable line per benchmark: `{"benchmark":"…",…}`. */
export function printJson(benchmark: string, figures: object): void {
  console.log(
    JSON.stringify({ benchmark, ...figures }, (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value,
    ),
  );
}

export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}
