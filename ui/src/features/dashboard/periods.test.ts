import { lastDays } from "./periods";

it("counts today as the last of the days", () => {
  const today = new Date(2026, 2, 31, 23, 30);
  expect(lastDays(30, today)).toEqual({ from: "2026-03-02", to: "2026-03-31" });
  expect(lastDays(90, today)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  expect(lastDays(1, today)).toEqual({ from: "2026-03-31", to: "2026-03-31" });
});
