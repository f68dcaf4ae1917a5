import { HEARTBEAT_MS, watchIdle } from "./idleLock";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

const key = () => window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));

test("locks once the set minutes pass without a key, a click or a scroll", () => {
  const idle = vi.fn();
  const stop = watchIdle(window, 15, idle, () => {}, Date.now);
  vi.advanceTimersByTime(14 * 60_000);
  key();
  vi.advanceTimersByTime(14 * 60_000);
  expect(idle).not.toHaveBeenCalled();
  vi.advanceTimersByTime(60_000);
  expect(idle).toHaveBeenCalledTimes(1);
  stop();
});

test("tells the backend the person is there at most once a minute, and nothing after stopping", () => {
  const active = vi.fn();
  const stop = watchIdle(window, 15, () => {}, active, Date.now);
  key();
  expect(active).not.toHaveBeenCalled();
  vi.advanceTimersByTime(HEARTBEAT_MS);
  key();
  key();
  expect(active).toHaveBeenCalledTimes(1);
  stop();
  vi.advanceTimersByTime(HEARTBEAT_MS);
  key();
  expect(active).toHaveBeenCalledTimes(1);
});
