import type { Rolldown } from 'vite';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** @vitejs/plugin-vue's 80-byte helper that every component with scoped styles imports: no request of its own. */
const VUE_EXPORT_HELPER = /^\0plugin-vue:export-helper$/;

/**
 * The code-splitting group of one long-cached "vendor" chunk with the libraries the first screen loads: modules
 * from node_modules that an entry reaches through static imports alone. A library that only lazy pages import
 * (directly or through another library) is left to Rolldown's default splitting, which puts it next to those pages,
 * so a new page's libraries never grow the initial JavaScript. (A plain `test: /node_modules/` group would pull
 * every library of every page into the first chunk.)
 */
export function firstScreenVendorChunk(): Rolldown.CodeSplittingGroup {
  return {
    name: (id, ctx) => (VUE_EXPORT_HELPER.test(id) || staticallyImportedByAnEntry(id, ctx) ? 'vendor' : null),
    test: (id) => NODE_MODULES.test(id) || VUE_EXPORT_HELPER.test(id),
  };
}

/** Walks the static importers up from `id` (breadth first; dynamic imports are not followed) to an entry. */
function staticallyImportedByAnEntry(id: string, ctx: Rolldown.ChunkingContext): boolean {
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const info = ctx.getModuleInfo(next);
    if (!info) continue;
    if (info.isEntry) return true;
    for (const importer of info.importers) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return false;
}
