import { readFileSync } from 'node:fs';
import path from 'node:path';
import { baseCompile, type CompileError } from '@intlify/message-compiler';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:ecm365-messages/';
const PARTS = ['first-screen', 'pages'] as const;
/** Resolved ids name the chunk they end up in: `messages-de-pages-<hash>.js`. */
const RESOLVED = /^\0messages-([a-z]{2})-(first-screen|pages)$/;
/** `NodeTypes.Message` of the message compiler (a const enum, so not importable as a value). */
const MESSAGE_NODE = 2;

type Tree = { [key: string]: string | Tree };
export type MessagePart = (typeof PARTS)[number];

/**
 * Compiles every message of a locale file at build time, to vue-i18n's message AST or, where it is plain text, to
 * the text itself (compileMessage). With that in the bundle the message compiler can be left out
 * (`__INTLIFY_DROP_MESSAGE_COMPILER__`): a smaller initial bundle, and nothing is compiled in the browser. A syntax
 * error in a message (an unescaped `@` or `|`, a stray brace) fails the build.
 *
 * A locale comes in two parts, split by top-level key (namespace), so that the first screen does not wait for the
 * texts of pages behind it: `import messages from 'virtual:ecm365-messages/de/first-screen'` yields the namespaces
 * named in `firstScreen`, `virtual:ecm365-messages/de/pages` all others of `src/i18n/locales/de.json`. A new
 * namespace is therefore a page's by default.
 */
export function i18nMessages(localesDir: string, options: { firstScreen: readonly string[] }): Plugin {
  const firstScreen = new Set(options.firstScreen);
  return {
    name: 'ecm365:i18n-messages',
    enforce: 'pre',
    resolveId(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [locale, part, ...rest] = id.slice(PREFIX.length).split('/');
      if (!locale || !/^[a-z]{2}$/.test(locale) || !PARTS.includes(part as MessagePart) || rest.length > 0) {
        this.error(`"${id}" is not ${PREFIX}<locale>/<part> with a part of ${PARTS.join(', ')}`);
      }
      return `\0messages-${locale}-${part}`;
    },
    load(id) {
      const [, locale, part] = RESOLVED.exec(id) ?? [];
      if (!locale || !part) return null;
      const file = path.join(localesDir, `${locale}.json`);
      this.addWatchFile(file);
      const tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
      const unknown = [...firstScreen].filter((namespace) => !(namespace in tree));
      if (unknown.length > 0) this.error(`first-screen namespaces missing in ${locale}.json: ${unknown.join(', ')}`);
      const selected = Object.fromEntries(
        Object.entries(tree).filter(([namespace]) => firstScreen.has(namespace) === (part === 'first-screen')),
      );
      return `export default ${JSON.stringify(compileTree(selected, locale))};`;
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

/**
 * The message as vue-i18n's runtime takes it with the compiler left out: a plain text (no placeholder, plural,
 * link or escaped literal, so that it reads exactly as written) stays a string, which the runtime returns as is and
 * the development build, which still has the compiler, turns into the same text. Everything else becomes the
 * minified AST (short property names, which vue-i18n reads as well as the long ones).
 */
function compileMessage(source: string, keyPath: string): unknown {
  const { ast } = baseCompile(source, {
    jit: true,
    location: false,
    minify: true,
    onError(error: CompileError) {
      throw new Error(`i18n message ${keyPath}: ${error.message}`);
    },
  });
  const body = (ast as unknown as { b?: { t?: number; s?: string } }).b;
  if (body?.t === MESSAGE_NODE && body.s === source) return source;
  // The cache key lets vue-i18n build each message function once.
  return { ...ast, cacheKey: keyPath };
}
