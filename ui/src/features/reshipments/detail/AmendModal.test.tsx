import "../../../i18n";
import { calls, lastInput } from "../../../testing/fakeCall";
import { byId, click, type } from "../../../testing/form";
import { resetAfterEach } from "../../../testing/language";
import { mount } from "../../../testing/mount";
import type { ReshipmentDetail } from "../types";
import { AmendModal } from "./ActionModals";

vi.mock("../../../backend/call", async (actual) =>
  (await import("../../../testing/fakeCall")).withFakeCall(actual, {
    amend_reshipment: (input) => ({ reshipment_no: input.reshipment_no, history: [] }),
  }),
);

// Only what the modal reads of the reshipment.
const detail = {
  reshipment_no: "RS-AMS1-000007",
  request: {
    cost: { shipping_minor: 1500, goods_minor: 2000, currency: "EUR" },
  },
} as unknown as ReshipmentDetail;

resetAfterEach(calls);

it("sends both costs as typed, and says at a cost that does not parse why nothing was sent", async () => {
  const closed = vi.fn();
  await mount(<AmendModal detail={detail} onClose={closed} />);
  expect(byId<HTMLInputElement>("rs-amend-shipping").value).toBe("15.00");
  await type("rs-amend-goods", "lots");
  await type("rs-amend-reason", "carrier raised the rate");
  await click("rs-amend-confirm");
  expect(calls).toEqual([]);
  expect(byId("rs-amend-goods").getAttribute("aria-invalid")).toBe("true");
  expect(byId("rs-amend-shipping").getAttribute("aria-invalid")).toBe("false");

  await type("rs-amend-goods", "25");
  await click("rs-amend-confirm");
  expect(lastInput("amend_reshipment")).toEqual({
    reshipment_no: "RS-AMS1-000007",
    cost: {
      shipping_minor: 1500,
      shipping_currency: "EUR",
      goods_minor: 2500,
      goods_currency: "EUR",
    },
    reason: "carrier raised the rate",
  });
});
