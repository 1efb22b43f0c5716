import { readFileSync } from 'node:fs';
import path from 'node:path';
import { baseCompile, type CompileError } from '@intlify/message-compiler';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:ecm365-messages/';
const RESOLVED = `\0${PREFIX}`;

type Tree = { [key: string]: string | Tree };

/**
 * Compiles every message of a locale file to vue-i18n's message AST at build time. With the AST in the bundle the
 * message compiler can be left out (`__INTLIFY_DROP_MESSAGE_COMPILER__`): a smaller initial bundle, and nothing is
 * compiled in the browser. A syntax error in a message (an unescaped `@` or `|`, a stray brace) fails the build.
 *
 * `import messages from 'virtual:ecm365-messages/de'` yields the compiled `src/i18n/locales/de.json`.
 */
export function i18nMessages(localesDir: string): Plugin {
  return {
    name: 'ecm365:i18n-messages',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const locale = id.slice(RESOLVED.length);
      if (!/^[a-z]{2}$/.test(locale)) this.error(`unknown locale "${locale}"`);
      const file = path.join(localesDir, `${locale}.json`);
      this.addWatchFile(file);
      const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
      return `export default ${JSON.stringify(compileTree(tree, locale))};`;
    },
  };
}

export function compileTree(tree: Tree, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const keyPath = `${prefix}.${key}`;
    out[key] = typeof value === 'string' ? compileMessage(value, keyPath) : compileTree(value, keyPath);
  }
  return out;
}

function compileMessage(source: string, keyPath: string): unknown {
  const { ast } = baseCompile(source, {
    jit: true,
    location: false,
    onError(error: CompileError) {
      throw new Error(`i18n message ${keyPath}: ${error.message}`);
    },
  });
  // The cache key lets vue-i18n build each message function once.
  return { ...ast, cacheKey: keyPath };
}
