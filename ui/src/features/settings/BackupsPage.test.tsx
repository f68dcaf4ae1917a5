import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionContext } from "../../app/session";
import { AppMantine } from "../../app/theme";
import type { BackupList } from "../../backend/bindings/BackupList";
import i18n from "../../i18n";
import { sessionAs } from "../../testing/session";
import { BackupsPage, formatSize, restoreCommand } from "./BackupsPage";

const calls: [string, unknown][] = [];
const daily = {
  file_name: "lotline-20261206-090000000-daily.backup.tar",
  path: "/home/ada/.local/share/lotline/backups/lotline-20261206-090000000-daily.backup.tar",
  size_bytes: 2_400_000,
  taken_at: "2026-12-06T09:00:00.000Z",
  app_version: "0.1.0",
  schema_version: 32,
  reason: "daily",
};
const list: BackupList = {
  folder: "/home/ada/.local/share/lotline/backups",
  data_dir: "/home/ada/.local/share/lotline",
  kept: 14,
  backups: [daily],
};

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push([act, input]);
    if (act === "list_backups") return list;
    if (act === "make_backup") return { ...daily, file_name: "made.backup.tar", reason: "manual" };
    if (act === "set_backups_kept") return { ...list, kept: (input as { kept: number }).kept };
    throw new Error(`unexpected act ${act}`);
  },
}));

function renderPage() {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>
        <SessionContext.Provider value={{ session: sessionAs(["admin"]), setSession: () => {} }}>
          <BackupsPage />
        </SessionContext.Provider>
      </QueryClientProvider>
    </AppMantine>,
  );
}

afterEach(async () => {
  calls.length = 0;
  await i18n.changeLanguage("en");
  document.body.innerHTML = "";
});

describe("Settings → Backups", () => {
  it("lists the backups, makes one now and changes how many are kept", async () => {
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText("Daily")).toBeTruthy();
    expect(screen.getByText("Lotline 0.1.0, schema 32")).toBeTruthy();
    expect(screen.getByText("2.4 MB")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Make a backup now" }));
    await waitFor(() => expect(calls.some(([act]) => act === "make_backup")).toBe(true));
    const kept = screen.getByLabelText("Backups kept");
    await user.clear(kept);
    await user.type(kept, "30");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls).toContainEqual(["set_backups_kept", { kept: 30 }]));
  });

  it("guides a restore through the command, with the app closed", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Restore…" }));
    const command = await screen.findByTestId("backup-restore-command");
    expect(command.textContent).toBe(restoreCommand(daily.path, list.data_dir));
    expect(command.textContent).toContain("--replace");
    expect(screen.getByText("Close Lotline on this computer.")).toBeTruthy();
  });

  it("says sizes and labels in the person's language", async () => {
    expect(formatSize(2_400_000, "nl")).toBe("2,4 MB");
    expect(formatSize(52_000, "en")).toBe("52 kB");
    await i18n.changeLanguage("zh-CN");
    renderPage();
    expect(await screen.findByText("每日")).toBeTruthy();
    expect(screen.getByRole("button", { name: "立即备份" })).toBeTruthy();
  });
});
