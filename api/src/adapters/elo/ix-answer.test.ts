import { describe, expect, it } from 'vitest';
import { parseIxAnswer } from './ix-answer.js';

describe('parseIxAnswer', () => {
  it('reads results, including null and empty answers of void functions', () => {
    expect(parseIxAnswer('{"result":{"a":1}}')).toEqual({ kind: 'result', result: { a: 1 } });
    expect(parseIxAnswer('{"result":null}')).toEqual({ kind: 'result', result: null });
    expect(parseIxAnswer('{}')).toEqual({ kind: 'result', result: null });
  });

  it('reads exceptions', () => {
    expect(parseIxAnswer('{"exception":"[ELOIX:3008]x"}')).toEqual({ kind: 'exception', exception: '[ELOIX:3008]x' });
  });

  it.each(['<html>login page</html>', '', '{"result":', '[1,2]', '"text"', 'null', '{"error":"not found"}'])(
    'answers null for %j',
    (body) => {
      expect(parseIxAnswer(body)).toBeNull();
    },
  );
});
