import { createHmac, randomBytes } from 'node:crypto';
import { formatMs365Code, parseMs365Code } from '@ecm365/shared';
import type { KeyRing } from '../../../crypto/key-ring.js';
import { sha256 } from '../../../support/secrets.js';

export interface IssuedCode {
  code: string;
  codeHash: string;
  codeSalt: string;
  codeKeyId: string;
}

/**
 * MS365 codes (SPEC §4) are never stored: a code is derived from a random per-attempt salt with a sub-key of the
 * key ring (HMAC-SHA256, 135 bits kept), so the connector window can be shown it again while only its hash sits
 * in the database. Without the key, the salt says nothing about the code.
 */
export class Ms365CodeIssuer {
  constructor(private readonly keys: KeyRing) {}

  issue(attemptId: string): IssuedCode {
    const codeSalt = randomBytes(24).toString('base64url');
    const codeKeyId = this.keys.currentKeyId;
    const code = this.derive(attemptId, codeSalt, codeKeyId);
    return { code, codeHash: Ms365CodeIssuer.hash(code), codeSalt, codeKeyId };
  }

  /** The code of an attempt, again (for the connector window). */
  derive(attemptId: string, codeSalt: string, codeKeyId: string): string {
    const mac = createHmac('sha256', this.keys.derive(codeKeyId, 'ms365-code'))
      .update(`${attemptId}:${codeSalt}`)
      .digest();
    return formatMs365Code(mac.subarray(0, 17));
  }

  /** Hash of a canonical code (the form parseMs365Code returns). */
  static hash(canonicalCode: string): string {
    return sha256(`ms365-code:${canonicalCode}`);
  }

  /** The lookup hash for user input, or undefined when the input cannot be a code (typo, wrong length). */
  static hashOfInput(input: string): string | undefined {
    const parsed = parseMs365Code(input);
    return parsed.ok ? Ms365CodeIssuer.hash(parsed.canonical) : undefined;
  }
}
