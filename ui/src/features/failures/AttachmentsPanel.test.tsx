import { act, useState } from "react";
import "../../i18n";
import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import { mount, settle } from "../../testing/mount";
import { AttachmentsPanel } from "./AttachmentsPanel";

// Each upload answers only when the test says so, so two batches can overlap as they do when a
// person picks more files before the first ones are stored.
const pending = new Map<string, () => void>();
vi.mock("../../backend/call", async (actual) => ({
  ...(await actual<typeof import("../../backend/call")>()),
  call: (act: string, input: { file_name: string }) => {
    if (act !== "upload_attachment") throw new Error(`unexpected ${act}`);
    return new Promise<AttachmentView>((resolve) => {
      pending.set(input.file_name, () =>
        resolve({
          id: `id-${input.file_name}`,
          file_name: input.file_name,
          content_type: "image/png",
          size: 3,
        }),
      );
    });
  },
}));

afterEach(() => {
  pending.clear();
  document.body.innerHTML = "";
});

function Form() {
  const [list, setList] = useState<AttachmentView[]>([]);
  return (
    <AttachmentsPanel
      attachments={list}
      onChange={setList}
      accept="image/*"
      text={{ prefix: "failure_form", remove: "remove_attachment" }}
      testIds={{ input: "photo-input", badge: "photo" }}
    />
  );
}

async function pick(host: HTMLElement, ...names: string[]) {
  const input = host.querySelector('[data-testid="photo-input"]') as HTMLInputElement;
  // jsdom's File has no arrayBuffer(); the webview's has.
  const files = names.map((name) =>
    Object.assign(new File(["abc"], name, { type: "image/png" }), {
      arrayBuffer: async () => new TextEncoder().encode("abc").buffer,
    }),
  );
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await settle();
}

async function answer(name: string) {
  await act(async () => pending.get(name)?.());
  await settle();
}

const shown = (host: HTMLElement) =>
  [...host.querySelectorAll('[data-testid="photo"]')].map((b) => b.textContent);

it("keeps every file of two batches picked while the first was still uploading", async () => {
  const host = await mount(<Form />);
  await pick(host, "first.png");
  await pick(host, "second.png");
  await answer("second.png");
  await answer("first.png");
  expect(shown(host).sort()).toEqual(["first.png", "second.png"]);
});

it("does not bring back a file removed while another was uploading", async () => {
  const host = await mount(<Form />);
  await pick(host, "kept.png");
  await answer("kept.png");
  await pick(host, "removed.png", "late.png");
  await answer("removed.png");
  expect(shown(host)).toEqual(["kept.png", "removed.png"]);
  const remove = host.querySelectorAll<HTMLButtonElement>('[data-testid="photo"] button')[1];
  await act(async () => remove?.click());
  await answer("late.png");
  expect(shown(host)).toEqual(["kept.png", "late.png"]);
});
