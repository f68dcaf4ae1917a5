import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionContext } from "../../app/session";
import { AppMantine } from "../../app/theme";
import type { InspectionInput } from "../../backend/bindings/InspectionInput";
import type { SwitchingState } from "../../backend/bindings/SwitchingState";
import "../../i18n";
import { sessionAs } from "../../testing/session";
import { SwitchingActions } from "./SwitchingActions";

const calls: { act: string; input: unknown }[] = [];
const tightened: SwitchingState = {
  severity: "tightened",
  discontinued: false,
  reason: "resumed_after_correction",
  score: 0,
  not_accepted_of_last_five: 0,
  accepted_in_a_row_on_tightened: 0,
  not_accepted_on_tightened: 0,
  lots: 7,
};
const discontinued: SwitchingState = { ...tightened, discontinued: true, reason: "discontinued" };

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    return tightened;
  },
}));

const inspection: InspectionInput = {
  lot_size: 500,
  level: "II",
  inspection: "tightened",
  aql_critical: null,
  aql_major: null,
  aql_minor: 4.0,
  defects_critical: 0,
  defects_major: 0,
  defects_minor: 3,
};

function renderWith(rules: SwitchingState, permissions: string[]) {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>
        <SessionContext.Provider
          value={{ session: sessionAs(["inspector"], permissions), setSession: () => {} }}
        >
          <SwitchingActions
            rules={rules}
            inspection={inspection}
            sku="BOX-5L"
            vendorCode="SZHQ"
            lotCode="BX-9"
          />
        </SessionContext.Provider>
      </QueryClientProvider>
    </AppMantine>,
  );
}

afterEach(() => {
  calls.length = 0;
  document.body.innerHTML = "";
});

it("lets whom the session allows to log failures record a lot that passed", async () => {
  const user = userEvent.setup();
  renderWith(tightened, ["log_failure", "view_data"]);
  expect(screen.queryByRole("button", { name: "Resume inspection" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Record as an accepted lot (no failure)" }));
  await waitFor(() =>
    expect(calls).toEqual([
      {
        act: "record_lot_inspection",
        input: { sku: "BOX-5L", vendor_code: "SZHQ", lot_code: "BX-9", inspection },
      },
    ]),
  );
});

it("offers resuming discontinued inspection only to whom the session allows to configure quality", async () => {
  renderWith(discontinued, ["log_failure"]);
  expect(screen.queryByRole("button", { name: "Resume inspection" })).toBeNull();
  expect(screen.queryByRole("button", { name: /accepted lot/ })).toBeNull();
  document.body.innerHTML = "";
  const user = userEvent.setup();
  renderWith(discontinued, ["configure_quality"]);
  await user.click(screen.getByRole("button", { name: "Resume inspection" }));
  await user.type(await screen.findByTestId("aql-resume-note"), "8D closed: new lid mould");
  await user.click(screen.getByTestId("aql-resume-submit"));
  await waitFor(() =>
    expect(calls).toEqual([
      {
        act: "resume_inspection",
        input: { sku: "BOX-5L", vendor_code: "SZHQ", note: "8D closed: new lid mould" },
      },
    ]),
  );
});
