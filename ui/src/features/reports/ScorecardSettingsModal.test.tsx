import { notifications } from "@mantine/notifications";
import { QueryClient } from "@tanstack/react-query";
import { act } from "react";
import "../../i18n";
import type { ScorecardSettings } from "../../backend/bindings/ScorecardSettings";
import { ApiFailure } from "../../backend/call";
import { mount } from "../../testing/mount";
import { ScorecardSettingsModal } from "./ScorecardSettingsModal";

const answer: { next: () => unknown } = { next: () => null };
const calls: { act: string; input: unknown }[] = [];

vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    return answer.next();
  },
}));

const settings: ScorecardSettings = {
  weights: {
    lot_defects: 30,
    unit_defects: 20,
    severity: 10,
    returns: 20,
    on_time: 10,
    chargebacks: 10,
  },
  flag_below: 60,
  block_receipts_below_threshold: false,
};

const failure = (fields: { field: string; message_key: string }[]) =>
  new ApiFailure({
    code: "invalid",
    message_key: "error.code.invalid",
    params: {},
    fields: fields.map((f) => ({ ...f, row: null, params: {} })),
  });

async function open() {
  const closed = vi.fn();
  const client = new QueryClient();
  const refreshed = vi.spyOn(client, "invalidateQueries");
  await mount(<ScorecardSettingsModal settings={settings} onClose={closed} />, { client });
  const save = async () => {
    await act(async () =>
      document.querySelector<HTMLElement>('[data-testid="settings-save"]')?.click(),
    );
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  };
  return { closed, refreshed, save };
}

afterEach(() => {
  document.body.innerHTML = "";
  calls.length = 0;
});

it("saves, refreshes the scorecards, says so and closes", async () => {
  const shown = vi.spyOn(notifications, "show");
  answer.next = () => settings;
  const { closed, refreshed, save } = await open();
  await save();
  expect(calls).toEqual([{ act: "set_scorecard_settings", input: settings }]);
  expect(refreshed).toHaveBeenCalledWith({ queryKey: ["vendor_scorecards"] });
  expect(shown).toHaveBeenCalledWith({ color: "teal", message: "Scorecard settings saved" });
  expect(closed).toHaveBeenCalledTimes(1);
  shown.mockRestore();
});

it("shows a field's error by its field, and any other error above the buttons", async () => {
  answer.next = () => {
    throw failure([{ field: "flag_below", message_key: "error.code.invalid" }]);
  };
  const { closed, save } = await open();
  await save();
  expect(closed).not.toHaveBeenCalled();
  const field = document.querySelector('[data-testid="settings-flag-below"]');
  expect(field?.getAttribute("aria-invalid")).toBe("true");
  expect(document.querySelector(".mantine-Alert-root")).toBeNull();

  answer.next = () => {
    throw failure([]);
  };
  await save();
  expect(document.querySelector(".mantine-Alert-root")).not.toBeNull();
  expect(closed).not.toHaveBeenCalled();
});
