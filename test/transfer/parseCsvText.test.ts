import { CsvSyntaxError, parseCsvText } from '../../src/transfer/parseCsvText';

describe('parseCsvText', () => {
  it('splits records and fields, keeping empty fields and a trailing empty field', () => {
    expect(parseCsvText('a,b,c\n1,,3\n4,5,\n', ',')).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['4', '5', '']]);
    expect(parseCsvText('a;b\n1;2', ';')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseCsvText('x\t"a\tb"\t"say ""hi"""\n"two\nlines"\t""\n', '\t')).toEqual([['x', 'a\tb', 'say "hi"'], ['two\nlines', '']]);
  });

  it('gives an empty line as one empty field, and reads a file of one column', () => {
    expect(parseCsvText('name\n\nAnna\nBert\n\n', ',')).toEqual([['name'], [''], ['Anna'], ['Bert'], ['']]);
  });

  it('reads a quote inside an unquoted field as text, as Excel does', () => {
    expect(parseCsvText('a,b\n1,x"y\n', ',')).toEqual([['a', 'b'], ['1', 'x"y']]);
  });

  it('refuses text after a closing quote and a quote never closed, naming the line', () => {
    const failure = (text: string) => {
      try {
        parseCsvText(text, ',');
      } catch (error) {
        if (error instanceof CsvSyntaxError) return { line: error.line, message: error.message };
      }
      return undefined;
    };
    expect(failure('a,b\n\n1,"x"y\n')).toEqual({ line: 3, message: 'text after a closing quote' });
    expect(failure('a,b\n1,"open\nmore\n')).toEqual({ line: 2, message: 'a quote is never closed' });
  });
});
