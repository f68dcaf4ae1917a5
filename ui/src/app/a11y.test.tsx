import { readFileSync } from "node:fs";
import { NativeSelect, TextInput } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import type { InspectionInput } from "../backend/bindings/InspectionInput";
import { AqlPanel } from "../features/failures/AqlPanel";
import { PhotoUpload } from "../features/returns/PhotoUpload";
import i18n from "../i18n";
import { AppMantine } from "./theme";

vi.mock("../backend/call", async (original) => ({
  ...(await original<typeof import("../backend/call")>()),
  call: async (act: string) => {
    if (act === "aql_plan") {
      return { sample_size: 32, code_letter: "G", accept: 1, reject: 2, full_inspection: false };
    }
    throw new Error(`unexpected act ${act}`);
  },
}));

function renderIn(ui: ReactNode) {
  render(
    <AppMantine>
      <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>
    </AppMantine>,
  );
}

const inspection: InspectionInput = {
  lot_size: 500,
  level: "II",
  aql_critical: 0.065,
  aql_major: 1.0,
  aql_minor: 2.5,
  defects_critical: 0,
  defects_major: 0,
  defects_minor: 0,
} as InspectionInput;

afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("forms and the keyboard", () => {
  it("label each AQL row's defects found and AQL value with its severity, in each language", async () => {
    for (const [language, found, aql] of [
      ["en", "Defects found, Major", "AQL, Major"],
      ["nl", "Gevonden defecten, Groot", "AQL, Groot"],
      ["zh-CN", "发现缺陷数（严重）", "AQL（严重）"],
    ] as const) {
      await i18n.changeLanguage(language);
      renderIn(<AqlPanel value={inspection} onChange={() => {}} sku="" vendorCode="" />);
      expect(screen.getByLabelText(found)).toBeTruthy();
      expect(screen.getByLabelText(aql)).toBeTruthy();
      document.body.innerHTML = "";
    }
  });

  it("skip the hidden photo input: Tab goes from Add photos to the next control", async () => {
    const user = userEvent.setup();
    renderIn(
      <>
        <PhotoUpload photos={[]} onChange={() => {}} />
        <button type="button">next</button>
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Add photos" }));
    await user.tab();
    expect(document.activeElement?.textContent).toBe("next");
  });

  it("show a ring round the focused input and select", async () => {
    const sheet = document.createElement("style");
    // Vitest hands CSS imports over empty; the app's own sheet is read as the webview gets it.
    sheet.textContent = readFileSync(`${__dirname}/../styles.css`, "utf8");
    document.head.append(sheet);
    const user = userEvent.setup();
    renderIn(
      <>
        <TextInput label="Name" />
        <NativeSelect label="Level" data={["I", "II"]} />
      </>,
    );
    // jsdom's selector engine throws on Mantine's `:host` variables, and its computed style then
    // comes back empty: those sheets hold only colour variables, so they are emptied here.
    for (const mantine of document.querySelectorAll("style[data-mantine-styles]")) {
      mantine.textContent = "";
    }
    for (const field of [screen.getByLabelText("Name"), screen.getByLabelText("Level")]) {
      await user.tab();
      expect(document.activeElement).toBe(field);
      // jsdom keeps computed styles until the document changes, and a focus move is no change.
      document.body.dataset.focusMoved = field.id;
      await waitFor(() => expect(getComputedStyle(field).outlineStyle).toBe("solid"));
      expect(getComputedStyle(field).outlineWidth).toBe("2px");
    }
    for (const field of [screen.getByLabelText("Name"), screen.getByLabelText("Level")]) {
      field.blur();
      document.body.dataset.focusMoved = "";
      expect(getComputedStyle(field).outlineStyle).not.toBe("solid");
    }
    sheet.remove();
  });
});
