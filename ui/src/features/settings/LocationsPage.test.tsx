import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installDialogFocus } from "../../app/dialogFocus";
import { SessionContext } from "../../app/session";
import { AppMantine } from "../../app/theme";
import type { Location } from "../../backend/bindings/Location";
import { ApiFailure } from "../../backend/call";
import i18n from "../../i18n";
import { sessionAs } from "../../testing/session";
import { LocationsPage } from "./LocationsPage";

const saved: Location[] = [];
const list: Location[] = [
  { code: "MAIN", name: "Main warehouse", active: true },
  { code: "OLD-3", name: "Old shelf", active: false },
];

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: Location) => {
    if (act === "list_locations") return list;
    if (act === "save_location") {
      saved.push(input);
      return input;
    }
    throw new Error(`unexpected act ${act}`);
  },
}));

function renderAs(roles: Parameters<typeof sessionAs>[0]) {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>
        <SessionContext.Provider value={{ session: sessionAs(roles), setSession: () => {} }}>
          <LocationsPage />
        </SessionContext.Provider>
      </QueryClientProvider>
    </AppMantine>,
  );
}

let uninstall = () => {};
beforeEach(() => {
  // As main.tsx does for the app: dialogs start in their first field.
  uninstall = installDialogFocus(document);
});
afterEach(async () => {
  uninstall();
  await i18n.changeLanguage("en");
  document.body.innerHTML = "";
});

describe("the stock locations list", () => {
  it("lets an administrator add a location, with the keyboard", async () => {
    const user = userEvent.setup();
    renderAs(["admin"]);
    expect(await screen.findByText("Main warehouse")).toBeTruthy();
    expect(screen.getByText("Retired")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "New location" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Code/)));
    await user.keyboard("shelf-4");
    await user.tab();
    await user.keyboard("Shelf 4, aisle B{Enter}");
    await waitFor(() =>
      expect(saved).toEqual([{ code: "SHELF-4", name: "Shelf 4, aisle B", active: true }]),
    );
  });

  it("shows others the list in their language, without the means to change it", async () => {
    await i18n.changeLanguage("nl");
    renderAs(["logistics"]);
    expect(await screen.findByText("Voorraadlocaties")).toBeTruthy();
    expect(screen.getByText(/Alleen een beheerder/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nieuwe locatie" })).toBeNull();
    expect(await screen.findByText("MAIN")).toBeTruthy();
  });
});

// The backend's refusal is what a person reads when a location is off the list.
it("words an unknown location by name in each language", async () => {
  const { errorMessage } = await import("../../errors/apiError");
  const failure = new ApiFailure({
    code: "invalid",
    message_key: "error.location.unknown",
    params: { location: "STELLING-4" },
    fields: [],
  } as never);
  for (const [language, words] of [
    ["en", "There is no location STELLING-4"],
    ["nl", "Locatie STELLING-4 bestaat niet"],
    ["zh-CN", "没有库位 STELLING-4"],
  ] as const) {
    await i18n.changeLanguage(language);
    expect(errorMessage(i18n.t, failure)).toContain(words);
  }
});
