import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SessionContext } from "../../app/session";
import { AppMantine } from "../../app/theme";
import type { BackupList } from "../../backend/bindings/BackupList";
import i18n from "../../i18n";
import { sessionAs } from "../../testing/session";
import { BackupsPage, formatSize } from "./BackupsPage";
import { restoreCommand } from "./RestoreDialog";

const calls: [string, unknown][] = [];
let restarts = 0;
let refuseRestore = false;
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
  last_restore: null,
};

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  call: async (act: string, input: unknown) => {
    calls.push([act, input]);
    if (act === "list_backups") return list;
    if (act === "make_backup") return { ...daily, file_name: "made.backup.tar", reason: "manual" };
    if (act === "set_backups_kept") return { ...list, kept: (input as { kept: number }).kept };
    if (act === "request_restore") {
      if (refuseRestore) {
        const { ApiFailure } = await original<typeof import("../../backend/call")>();
        throw new ApiFailure({
          code: "invalid",
          message_key: "error.backup.damaged",
          params: { path: daily.path, detail: "lotline.db: size differs" },
          fields: [],
        });
      }
      return daily;
    }
    throw new Error(`unexpected act ${act}`);
  },
  restartApp: async () => {
    restarts += 1;
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
  restarts = 0;
  refuseRestore = false;
  list.last_restore = null;
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

  it("checks the backup, then restarts to restore it; the command line stays offered", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Restore…" }));
    const command = await screen.findByTestId("backup-restore-command");
    expect(command.textContent).toBe(restoreCommand(daily.path, list.data_dir));
    expect(command.textContent).toContain("--replace");
    await user.click(screen.getByRole("button", { name: "Check, restore and restart" }));
    await waitFor(() => expect(restarts).toBe(1));
    expect(calls).toContainEqual(["request_restore", { file_name: daily.file_name }]);
  });

  it("does not restart when the backup is refused, and says why", async () => {
    refuseRestore = true;
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole("button", { name: "Restore…" }));
    await user.click(await screen.findByRole("button", { name: "Check, restore and restart" }));
    const error = await screen.findByTestId("backup-restore-error");
    expect(error.textContent).toContain("damaged or incomplete (lotline.db: size differs)");
    expect(restarts).toBe(0);
  });

  it("shows how the last restore went: where the old data went, or why it was refused", async () => {
    list.last_restore = {
      file_name: daily.file_name,
      taken_at: daily.taken_at,
      requested_by: "Ada Admin",
      done_at: "2026-12-06T10:00:00.000Z",
      moved_aside: "/home/ada/.local/share/lotline.before-restore-20261206-100000",
      pull_first: true,
      refused: null,
    };
    renderPage();
    const notice = await screen.findByTestId("backups-last-restore");
    expect(notice.textContent).toContain("Ada Admin restored the backup taken");
    expect(notice.textContent).toContain("lotline.before-restore-20261206-100000");
    expect(notice.textContent).toContain("sync before you record anything new");
    document.body.innerHTML = "";
    list.last_restore = {
      ...list.last_restore,
      moved_aside: null,
      pull_first: false,
      refused: {
        code: "conflict",
        message_key: "error.data.locked",
        params: { path: list.data_dir },
        fields: [],
      },
    };
    renderPage();
    const refused = await screen.findByTestId("backups-last-restore");
    expect(refused.textContent).toContain("was refused. The data was left as it was.");
    expect(refused.textContent).toContain("is in use by another Lotline");
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
