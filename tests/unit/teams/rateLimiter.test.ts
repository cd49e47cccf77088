import { RateLimiter } from '../../../shared/notify/teams';
import { busiestWindow, fakeTiming } from './fakeTiming';

describe('the Graph send rate limiter', () => {
  it('lets 20 sends made at once go out at no more than 5 in any second, without real waiting', async () => {
    // ARRANGE
    const timing = fakeTiming();
    const limiter = new RateLimiter(timing, { perSecond: 5 });
    const sentAt: number[] = [];

    // ACT: twenty callers ask at the same moment.
    await Promise.all(Array.from({ length: 20 }, () => limiter.take().then(() => sentAt.push(timing.now()))));

    // ASSERT
    expect(sentAt).toHaveLength(20);
    expect(busiestWindow(sentAt)).toBe(5);
    // Evenly spaced at 200 ms: the twentieth goes 3.8 seconds after the first.
    expect(Math.max(...sentAt) - Math.min(...sentAt)).toBe(3800);
  });

  it('does not make a caller wait after a quiet spell', async () => {
    const timing = fakeTiming();
    const limiter = new RateLimiter(timing, { perSecond: 5 });
    await limiter.take();
    await timing.sleep(5000);
    timing.sleeps.length = 0;

    await limiter.take();

    expect(timing.sleeps).toEqual([]);
  });

  it('holds every caller back after a throttling answer until the time Graph gave', async () => {
    const timing = fakeTiming();
    const limiter = new RateLimiter(timing, { perSecond: 5 });
    limiter.pauseUntil(timing.now() + 3000);

    await limiter.take();

    expect(timing.elapsed()).toBe(3000);
  });

  it('refuses a rate of zero with a message saying what is expected', () => {
    expect(() => new RateLimiter(fakeTiming(), { perSecond: 0 })).toThrow('The rate limit must be above 0 per second; got 0.');
  });
});
