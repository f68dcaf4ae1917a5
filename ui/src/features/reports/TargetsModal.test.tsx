import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render } from "@testing-library/react";
import { act } from "react";
import { AppMantine } from "../../app/theme";
import type { KpiTargets } from "../../backend/bindings/KpiTargets";
import i18n from "../../i18n";
import { installCurrencies } from "../../money";
import currencies from "../../testing/currencies.json";
import { DEFAULT_KPI_TARGETS } from "../../testing/kpiTargets";
import { TargetsModal } from "./TargetsModal";

const calls: { act: string; input: unknown }[] = [];

vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push({ act, input });
    return input;
  },
}));

const targets: KpiTargets = DEFAULT_KPI_TARGETS;

const input = (id: string) =>
  document.querySelector<HTMLInputElement>(`[data-testid="target-${id}"]`) as HTMLInputElement;

afterEach(async () => {
  calls.length = 0;
  await i18n.changeLanguage("en");
});

it.each([
  ["nl", "2,5", "1,5"],
  ["en", "2.5", "1.5"],
  ["zh-CN", "2.5", "1.5"],
])(
  "in %s, targets show and take decimals in the language's marks",
  async (language, rate, days) => {
    installCurrencies(currencies);
    await i18n.changeLanguage(language);
    render(
      <AppMantine>
        <QueryClientProvider client={new QueryClient()}>
          <TargetsModal targets={targets} onClose={() => {}} />
        </QueryClientProvider>
      </AppMantine>,
    );
    // 2.5 days is shown as the language writes it.
    expect(input("refund_processing_max_minutes").value).toBe(days.replace("1", "2"));
    fireEvent.change(input("return_rate_max_bps"), { target: { value: rate } });
    fireEvent.change(input("receipt_to_decision_max_minutes"), { target: { value: days } });
    await act(async () =>
      document.querySelector<HTMLElement>('[data-testid="targets-save"]')?.click(),
    );
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(calls).toHaveLength(1);
    const saved = calls[0]?.input as KpiTargets;
    expect(saved.return_rate_max_bps).toBe(250);
    expect(saved.receipt_to_decision_max_minutes).toBe(1.5 * 24 * 60);
  },
);
