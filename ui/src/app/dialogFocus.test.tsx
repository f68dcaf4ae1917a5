import { TextInput } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { FormModal, useFormSave } from "../components/FormModal";
import i18n from "../i18n";
import { installDialogFocus } from "./dialogFocus";
import { AppMantine } from "./theme";

function NoteDialog({ onClose }: { onClose: () => void }) {
  const { save } = useFormSave({ act: async () => null, refresh: [], saved: () => "ok", onClose });
  return (
    <FormModal title="Note" save={save} saveTestId="note-save" onClose={onClose}>
      <TextInput label="Subject" />
      <TextInput label="Text" />
    </FormModal>
  );
}

/** A page with a button that opens a dialog, which is rendered only while open (as the app does). */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">elsewhere</button>
      <button type="button" onClick={() => setOpen(true)}>
        Add note
      </button>
      {open && <NoteDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function renderPage() {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>
        <Page />
      </QueryClientProvider>
    </AppMantine>,
  );
}

let uninstall: () => void = () => {};
beforeEach(() => {
  uninstall = installDialogFocus(document);
});
afterEach(async () => {
  uninstall();
  await i18n.changeLanguage("en");
});

describe("dialogs and the keyboard", () => {
  it("start in the first field and give focus back to their button on Escape", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.tab();
    await user.tab();
    expect(document.activeElement?.textContent).toBe("Add note");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Subject")));

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Add note"));
  });

  it("give focus back to the button after Cancel too", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByText("Add note"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Subject")));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Add note"));
  });

  it("name their close button in the reader's language", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByText("Add note"));
    expect(await screen.findByRole("button", { name: "Close" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await i18n.changeLanguage("zh-CN");
    await user.click(screen.getByText("Add note"));
    expect(await screen.findByRole("button", { name: "关闭" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await i18n.changeLanguage("nl");
    await user.click(screen.getByText("Add note"));
    expect(await screen.findByRole("button", { name: "Sluiten" })).toBeTruthy();
  });

  it("let a person tab back to Close without being sent to the field again", async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(screen.getByText("Add note"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Subject")));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close" }));
  });
});
