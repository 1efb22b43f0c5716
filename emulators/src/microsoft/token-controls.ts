import type { EmulatorContext } from './context.js';
import { ControlInputError } from './controls.js';
import { createSigningKey } from './jwt.js';
import {
  ID_TOKEN_TAMPERS,
  SCOPE_STYLES,
  type IdTokenTamper,
  type MicrosoftEmulatorControls,
  type ScopeStyle,
} from './types.js';

type TokenControls = Pick<MicrosoftEmulatorControls, 'tamperIdTokens' | 'setScopeStyle' | 'rotateSigningKey'>;

/** Keys published after rotations; older ones drop out, as Entra retires keys after a while. */
const MAX_PUBLISHED_KEYS = 4;

/** The controls over what tokens look like: spoiled id_tokens, the spelling of `scope`, key rotation. */
export function createTokenControls(ctx: EmulatorContext): TokenControls {
  return {
    tamperIdTokens({ tamper, times = 1 }) {
      if (!(ID_TOKEN_TAMPERS as readonly string[]).includes(tamper)) {
        throw new ControlInputError(`tamper must be one of ${ID_TOKEN_TAMPERS.join(', ')}`);
      }
      if (!Number.isInteger(times) || times < 1 || times > 100) {
        throw new ControlInputError('times must be an integer between 1 and 100');
      }
      ctx.state.settings.idTokenTampers.push(...Array<IdTokenTamper>(times).fill(tamper));
    },
    setScopeStyle(style: ScopeStyle) {
      if (!(SCOPE_STYLES as readonly string[]).includes(style)) {
        throw new ControlInputError(`style must be one of ${SCOPE_STYLES.join(', ')}`);
      }
      ctx.state.settings.scopeStyle = style;
    },
    async rotateSigningKey() {
      const next = await createSigningKey();
      ctx.signingKey = next;
      ctx.publishedKeys = [next, ...ctx.publishedKeys].slice(0, MAX_PUBLISHED_KEYS);
    },
  };
}
