import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  fileName: string;
  code: string;
  imports: string[];
}

const gzipKb = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length / 1024;

/**
 * Prints the gzipped size of the initial JavaScript (the entry chunk and everything it imports statically, i.e.
 * what the browser must load before the first page renders), of each lazy chunk and of the style sheets, and fails
 * the build when the initial JavaScript exceeds the budget (issue 13: 60 KB gzipped, set in vite.config.ts).
 */

export function bundleBudget(options: { initialJsLimitKb: number }): Plugin {
  return {
    name: 'ecm365:bundle-budget',
    apply: 'build',
    enforce: 'post',
    generateBundle(_output, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      const css: { name: string; kb: number }[] = [];
      let entry: string | undefined;
      for (const item of Object.values(bundle)) {
        if (item.type === 'asset' && item.fileName.endsWith('.css')) {
          css.push({ name: item.fileName, kb: gzipKb(item.source) });
        }
        if (item.type !== 'chunk') continue;
        chunks.set(item.fileName, { fileName: item.fileName, code: item.code, imports: item.imports });
        if (item.isEntry) entry = item.fileName;
      }
      if (!entry) return;

      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
      };
      visit(entry);

      const rows = [...chunks.values()].map((chunk) => ({
        name: chunk.fileName,
        initial: initial.has(chunk.fileName),
        kb: gzipKb(chunk.code),
      }));
      const initialKb = rows.filter((row) => row.initial).reduce((sum, row) => sum + row.kb, 0);
      const lazyKb = rows.filter((row) => !row.initial).reduce((sum, row) => sum + row.kb, 0);

      const lines = ['', 'JavaScript sizes (gzip):'];
      for (const row of rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.kb - a.kb)) {
        lines.push(`  ${row.initial ? 'initial' : 'lazy   '}  ${row.kb.toFixed(1).padStart(6)} KB  ${row.name}`);
      }
      lines.push(
        `  initial JavaScript: ${initialKb.toFixed(1)} KB of ${options.initialJsLimitKb} KB budget; lazy chunks: ${lazyKb.toFixed(1)} KB`,
      );
      for (const sheet of css) lines.push(`  CSS ${sheet.kb.toFixed(1).padStart(6)} KB  ${sheet.name}`);
      lines.push('');
      console.log(lines.join('\n'));
      if (initialKb > options.initialJsLimitKb) {
        this.error(
          `initial JavaScript is ${initialKb.toFixed(1)} KB gzipped, over the budget of ${options.initialJsLimitKb} KB`,
        );
      }
    },
  };
}
