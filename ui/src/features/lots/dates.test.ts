import { addDays, expiryState, formatDay, isoDay } from "./dates";

const today = new Date(2026, 0, 15);

describe("expiryState", () => {
  it("marks past days expired, the next 30 days soon, later days ok", () => {
    expect(expiryState("2026-01-14", today)).toBe("expired");
    expect(expiryState("2026-01-15", today)).toBe("soon");
    expect(expiryState("2026-02-14", today)).toBe("soon");
    expect(expiryState("2026-02-15", today)).toBe("ok");
  });
  it("has nothing to say without a date", () => {
    expect(expiryState(null, today)).toBe("none");
    expect(expiryState("", today)).toBe("none");
  });
});

describe("days", () => {
  it("counts calendar days across a month end", () => {
    expect(isoDay(addDays(new Date(2026, 0, 31), 1))).toBe("2026-02-01");
  });
  it("formats a calendar day without shifting it", () => {
    expect(formatDay("2026-03-01", "en")).toBe("Mar 1, 2026");
  });
});
