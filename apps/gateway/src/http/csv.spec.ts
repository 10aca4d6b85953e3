import { csvCell, csvDocument, csvLine, neutraliseFormula } from './csv.js';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises the formula %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers, number-only text and ordinary text alone', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell('+1.5')).toBe('+1.5');
    expect(csvCell('李明')).toBe('李明');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(null)).toBe('');
    expect(neutraliseFormula('-')).toBe("'-");
  });

  it('quotes what needs quoting, and writes CRLF lines after a BOM', () => {
    expect(csvLine(['a,b', 'say "hi"', 1])).toBe('"a,b","say ""hi""",1');
    expect(csvDocument([csvLine(['x', 1]), ''])).toBe('\uFEFFx,1\r\n\r\n');
  });
});
