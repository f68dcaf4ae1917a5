import { describe, expect, it } from "vitest";
import { REACTIONS, reactionChoice, reactionOf } from "./reactions";

describe("a failed inspection's reaction as one choice", () => {
  it("reads and writes every choice, and none follows the category", () => {
    expect(reactionOf("")).toBeNull();
    expect(reactionOf("serials_notify")).toEqual({ hold: "serials", notify: true });
    expect(reactionOf("lot")).toEqual({ hold: "lot", notify: false });
    for (const choice of REACTIONS) expect(reactionChoice(reactionOf(choice))).toBe(choice);
  });
});
