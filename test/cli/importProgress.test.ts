import { importProgress } from '../../src/cli/importProgress';

/** `relata import` progress on stderr (issue 7): rewritten on a terminal, sparse in a log. */

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let clock = 0;
  const show = importProgress({ isTTY, write: (text: string) => written.push(text) }, () => clock);
  return { written, show, advance: (ms: number) => (clock += ms) };
}

describe('importProgress', () => {
  it('rewrites one line on a terminal after every batch and ends it with the last', () => {
    const { written, show } = recorder(true);
    show({ rows: 2500, checked: 0, written: 0 });
    show({ rows: 2500, checked: 1000, written: 990 });
    show({ rows: 2500, checked: 2000, written: 1990 });
    show({ rows: 2500, checked: 2500, written: 2490 });
    expect(written).toEqual([
      '\r2500 rows read, 0 checked, 0 written (0 %)',
      '\r2500 rows read, 1000 checked, 990 written (40 %)',
      '\r2500 rows read, 2000 checked, 1990 written (80 %)',
      '\r2500 rows read, 2500 checked, 2490 written (100 %)\n',
    ]);
  });

  it('writes a log line per tenth of the file or every 5 seconds, not per batch', () => {
    const { written, show, advance } = recorder(false);
    for (let checked = 0; checked <= 100_000; checked += 1000) {
      show({ rows: 100_000, checked, written: 0 });
      advance(checked === 31_000 ? 6000 : 100);
    }
    const line = (percent: number) => `100000 rows read, ${percent * 1000} checked, 0 written (${percent} %)\n`;
    // 32 %: more than 5 s after the line for 30 %.
    expect(written).toEqual([0, 10, 20, 30, 32, 40, 50, 60, 70, 80, 90, 100].map(line));
  });

  it('stays quiet for a file of one batch', () => {
    const { written, show } = recorder(false);
    show({ rows: 1000, checked: 0, written: 0 });
    show({ rows: 1000, checked: 1000, written: 1000 });
    expect(written).toEqual([]);
  });
});
