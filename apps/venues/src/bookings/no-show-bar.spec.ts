import { barredUntil } from './no-show-bar.js';

const at = (date: string) => new Date(`${date}T10:00:00Z`);

describe('barredUntil', () => {
  it('bars for 30 days from the third no-show within 90 days', () => {
    expect(barredUntil([at('2026-09-01'), at('2026-10-01'), at('2026-11-01')], 3, 90, 30)).toEqual(
      at('2026-12-01'),
    );
  });

  it('does not bar two no-shows, nor three spread over more than 90 days', () => {
    expect(barredUntil([at('2026-10-01'), at('2026-11-01')], 3, 90, 30)).toBeNull();
    expect(
      barredUntil([at('2026-05-01'), at('2026-08-01'), at('2026-11-01')], 3, 90, 30),
    ).toBeNull();
  });
});
