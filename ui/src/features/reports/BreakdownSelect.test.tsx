import { fireEvent, render } from "@testing-library/react";
import { act } from "react";
import { AppMantine } from "../../app/theme";
import type { KpiBreakdown } from "../../backend/bindings/KpiBreakdown";
import i18n from "../../i18n";
import { BreakdownSelect } from "./BreakdownSelect";
import { groupName } from "./breakdown";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

function mount(value: KpiBreakdown | null, onChange: (v: KpiBreakdown | null) => void) {
  return render(
    <AppMantine>
      <BreakdownSelect value={value} onChange={onChange} />
    </AppMantine>,
  );
}

it("offers no breakdown, channel, category and reason, and reports the choice", () => {
  const chosen: (KpiBreakdown | null)[] = [];
  const view = mount(null, (v) => chosen.push(v));
  const select = view.getByTestId("kpi-breakdown") as HTMLSelectElement;
  expect([...select.options].map((o) => o.value)).toEqual(["", "channel", "category", "reason"]);
  expect(select.value).toBe("");
  fireEvent.change(select, { target: { value: "channel" } });
  fireEvent.change(select, { target: { value: "" } });
  expect(chosen).toEqual(["channel", null]);
});

it("speaks Dutch, and groups read with their translated names", async () => {
  await act(() => i18n.changeLanguage("nl"));
  const view = mount("channel", () => {});
  expect(view.getByText("Uitsplitsen naar")).toBeTruthy();
  const select = view.getByTestId("kpi-breakdown") as HTMLSelectElement;
  expect(select.value).toBe("channel");
  expect(select.selectedOptions[0]?.textContent).toBe("Verkoopkanaal");
  const t = i18n.t.bind(i18n);
  expect(groupName(t, "channel", "web_shop")).toBe("Webshop");
  expect(groupName(t, "channel", null)).toBe("Niet opgegeven");
  expect(groupName(t, "category", null)).toBe("Geen categorie");
  expect(groupName(t, "category", "Opslag")).toBe("Opslag");
  await act(() => i18n.changeLanguage("zh-CN"));
  expect(groupName(i18n.t.bind(i18n), "channel", "marketplace")).toBe("电商平台");
});
