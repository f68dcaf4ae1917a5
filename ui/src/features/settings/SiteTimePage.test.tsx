import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppMantine } from "../../app/theme";
import type { SiteCalendar } from "../../backend/bindings/SiteCalendar";
import type { SiteCalendarView } from "../../backend/bindings/SiteCalendarView";
import i18n from "../../i18n";
import { SiteTimePage } from "./SiteTimePage";

const saved: SiteCalendar[] = [];
let view: SiteCalendarView;

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: SiteCalendar) => {
    if (act === "get_site_calendar") return view;
    if (act === "set_site_calendar") {
      saved.push(input);
      view = { ...view, calendar: input, confirmed: true };
      return view;
    }
    throw new Error(`unexpected act ${act}`);
  },
}));

function viewOf(mayEdit: boolean, confirmed: boolean): SiteCalendarView {
  return {
    calendar: {
      time_zone: "Europe/Amsterdam",
      holidays: [{ date: "2026-12-25", name: "Eerste Kerstdag" }],
    },
    confirmed,
    computer_time_zone: "Europe/Amsterdam",
    today: "2026-12-05",
    time_zones: ["Asia/Shanghai", "Europe/Amsterdam", "UTC"],
    may_edit: mayEdit,
  };
}

function renderPage() {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>
        <SiteTimePage />
      </QueryClientProvider>
    </AppMantine>,
  );
}

afterEach(async () => {
  saved.length = 0;
  await i18n.changeLanguage("en");
  document.body.innerHTML = "";
});

describe("the site time page", () => {
  it("lets an administrator confirm the computer's zone and add a holiday", async () => {
    const user = userEvent.setup();
    view = viewOf(true, false);
    renderPage();
    expect(await screen.findByTestId("site-time-unconfirmed")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Add holiday" }));
    const dates = screen.getAllByLabelText("Date");
    const date = dates[1];
    if (!date) throw new Error("no second date field");
    await user.type(date, "2026-12-28");
    const names = screen.getAllByLabelText("Name");
    const name = names[1];
    if (!name) throw new Error("no second name field");
    await user.type(name, "Site day off");
    await user.click(screen.getByRole("button", { name: "Confirm and save" }));
    await waitFor(() =>
      expect(saved).toEqual([
        {
          time_zone: "Europe/Amsterdam",
          holidays: [
            { date: "2026-12-25", name: "Eerste Kerstdag" },
            { date: "2026-12-28", name: "Site day off" },
          ],
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId("site-time-unconfirmed")).toBeNull());
  });

  it("shows others the site's day in their language, without the means to change it", async () => {
    await i18n.changeLanguage("nl");
    view = viewOf(false, true);
    renderPage();
    expect(await screen.findByText("Tijd en feestdagen van de vestiging")).toBeTruthy();
    expect(screen.getByText(/Alleen een beheerder/)).toBeTruthy();
    expect(screen.getByTestId("site-time-today").textContent).toBe(
      "Vandaag op de vestiging: 05-12-2026",
    );
    expect(screen.queryByRole("button", { name: "Opslaan" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Feestdag toevoegen" })).toBeNull();
  });
});
