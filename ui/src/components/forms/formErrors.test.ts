import type { TFunction } from "i18next";
import { ApiFailure } from "../../backend/call";
import { splitFieldErrors } from "./formErrors";

const t = ((key: string) => key) as unknown as TFunction;

const failure = (fields: { field: string; message_key: string; row?: number }[]) =>
  new ApiFailure({
    code: "invalid",
    message_key: "error.invalid",
    params: {},
    fields: fields.map((f) => ({ row: f.row ?? null, params: {}, ...f })),
  });

describe("splitFieldErrors", () => {
  it("puts errors at their fields and keeps the rest, dropping none", () => {
    const err = failure([
      { field: "unit_cost_minor", message_key: "error.field.negative" },
      { field: "name", message_key: "error.field.required" },
      { field: "name", message_key: "error.field.too_long" },
      { field: "mystery", message_key: "error.x" },
      { field: "other", message_key: "error.x" },
    ]);
    const known = new Set(["name", "unit_cost"]);
    const out = splitFieldErrors(t, err, (f) => {
      const name = f.replace(/_minor$/, "");
      return known.has(name) ? name : null;
    });
    expect(out.at).toEqual({ unit_cost: "error.field.negative", name: "error.field.required" });
    expect(out.other).toEqual(["error.x"]);
  });

  it("never places an error that names a file line", () => {
    const out = splitFieldErrors(
      t,
      failure([{ field: "sku", message_key: "e", row: 3 }]),
      (f) => f,
    );
    expect(out).toEqual({ at: {}, other: ["e"] });
  });
});
