import { act } from "react";
import "../../i18n";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ImportProgress } from "../../backend/bindings/ImportProgress";
import type { ImportReport } from "../../backend/bindings/ImportReport";
import { ApiFailure } from "../../backend/call";
import { renderRoot, settle } from "../../testing/mount";
import { ImportButton } from "./ImportButton";

let tell: (progress: ImportProgress) => void = () => {};
let fail: (error: unknown) => void = () => {};
const cancels: number[] = [];

vi.mock("../../backend/call", async (original) => ({
  ...(await original<typeof import("../../backend/call")>()),
  importCsv: (_input: unknown, onProgress: (progress: ImportProgress) => void) =>
    new Promise<ImportReport>((_resolve, reject) => {
      tell = onProgress;
      fail = reject;
    }),
  cancelImport: async () => {
    cancels.push(1);
  },
}));

const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

it("shows the backend's progress and cancels the import, which then imports nothing", async () => {
  const { root } = await renderRoot(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <ImportButton entity="products" />
      </QueryClientProvider>
    </MantineProvider>,
  );
  const input = q("products-import-input") as HTMLInputElement;
  const file = new File(["sku,name\n"], "producten.csv", { type: "text/csv" });
  // jsdom's Blob has no arrayBuffer(); the browser's does.
  Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(9) });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await settle();
  expect(document.body.textContent).toContain("Importing producten.csv");

  await act(async () => tell({ done: 120, total: 400, writing: false }));
  expect(q("import-progress-text")?.textContent).toBe("120 of 400 rows checked");
  expect(q("import-progress-bar")).not.toBeNull();
  await act(async () => tell({ done: 400, total: 400, writing: true }));
  expect(q("import-progress-text")?.textContent).toBe("All 400 rows checked; writing them…");

  await act(async () => q("import-cancel")?.click());
  expect(cancels).toHaveLength(1);
  expect(q("import-cancel")?.textContent).toBe("Cancelling…");

  await act(async () =>
    fail(
      new ApiFailure({
        code: "conflict",
        message_key: "error.import.cancelled",
        params: {},
        fields: [],
      }),
    ),
  );
  await settle();
  expect(q("import-progress-bar")).toBeNull();
  expect(document.body.textContent).not.toContain("was not imported");
  // Unmounted here, so no closing transition outlives the test's document.
  await act(async () => root.unmount());
});
