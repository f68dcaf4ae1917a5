import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import "../i18n";
import { FONT_STACK, MONOSPACE_STACK, useAppTheme } from "./theme";

/** The family names of a CSS font stack, without quotes. */
const families = (stack: string) => stack.split(",").map((f) => f.trim().replace(/^'|'$/g, ""));

describe("font stacks", () => {
  it("fall back to each platform's Chinese system font, after the Latin ones and before the generic family", () => {
    for (const stack of [FONT_STACK, MONOSPACE_STACK]) {
      const names = families(stack);
      for (const cjk of ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"]) {
        expect(names, `${cjk} in ${stack}`).toContain(cjk);
        expect(names.indexOf(cjk)).toBeLessThan(names.length - 1);
      }
      expect(names.indexOf("Microsoft YaHei")).toBeGreaterThan(
        names.findIndex((n) => /Segoe UI|Consolas/.test(n)),
      );
    }
  });

  it("are the theme's body, heading and monospace fonts", () => {
    const { result } = renderHook(() => useAppTheme());
    expect(result.current.fontFamily).toBe(FONT_STACK);
    expect(result.current.headings?.fontFamily).toBe(FONT_STACK);
    expect(result.current.fontFamilyMonospace).toBe(MONOSPACE_STACK);
  });
});
