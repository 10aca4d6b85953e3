import { inspectInput, MAX_JSON_DEPTH } from './input-inspection.js';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('inspectInput', () => {
  it('takes JSON up to the depth limit and refuses one level more', () => {
    expect(inspectInput(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(inspectInput(nested(MAX_JSON_DEPTH + 1))).toEqual({
      kind: 'too_deep',
      maxDepth: MAX_JSON_DEPTH,
    });
  });

  it('walks 100 000 levels without overflowing the stack', () => {
    expect(inspectInput(nested(100_000))).toMatchObject({ kind: 'too_deep' });
  });

  it('names every field holding a control or bidi character, by its path', () => {
    const problem = inspectInput({
      name: 'A\u0000B',
      guardian: { name: '\u202Eevil' },
      items: ['ok', { note: 'x\u2067y' }],
      notes: 'line one\r\nline two\tend',
      ['k\u0007']: 1,
    });
    expect(problem).toEqual({
      kind: 'unsafe_text',
      fields: [
        { field: 'name', errors: [expect.stringContaining('(found U+0000)')] },
        { field: 'guardian.name', errors: [expect.stringContaining('(found U+202E)')] },
        { field: 'items.1.note', errors: [expect.stringContaining('(found U+2067)')] },
        { field: '"k\\u0007"', errors: [expect.stringContaining('(found U+0007)')] },
      ],
    });
  });

  it.each([
    ['\u0085'],
    ['\u009B'],
    ['\u007F'],
    ['\u061C'],
    ['\u200E'],
    ['\u200F'],
    ['\u202A'],
    ['\u2066'],
    ['\u2069'],
  ])('refuses %j', (character) => {
    expect(inspectInput({ name: `a${character}b` })).toMatchObject({ kind: 'unsafe_text' });
  });

  it('leaves ordinary text, Chinese names and emoji alone', () => {
    expect(inspectInput({ name: '王小明', note: 'Café — ok 👍', n: 3, b: null })).toBeNull();
  });
});
