import { describe, expect, it } from 'vitest';
import { describeJsonError } from './json-error';

const errorOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('parsed');
};

describe('describeJsonError', () => {
  it('adds line and column when the engine gives only a position', () => {
    const text = '{\n  "a": 1,\n}';
    expect(
      describeJsonError(new SyntaxError('Unexpected token } in JSON at position 12'), text),
    ).toBe('Not valid JSON: Unexpected token } in JSON at position 12 (line 3, column 1)');
  });

  it('keeps the message when the engine already names the line', () => {
    const message =
      "Expected ',' or '}' after property value in JSON at position 9 (line 1 column 10)";
    expect(describeJsonError(new SyntaxError(message), '{"a": 1 "b": 2}')).toBe(
      `Not valid JSON: ${message}`,
    );
  });

  it('says so when the file is empty', () => {
    expect(describeJsonError(errorOf(''), '  \n')).toBe('Not valid JSON: the file is empty.');
  });

  it('describes what this engine says', () => {
    expect(describeJsonError(errorOf('[1, 2'), '[1, 2')).toMatch(/^Not valid JSON: /);
  });
});
