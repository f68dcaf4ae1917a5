import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { AppMantine } from "../app/theme";
import i18n from "../i18n";
import { DateField } from "./DateField";

const changes: string[] = [];

function Form() {
  const [value, setValue] = useState("");
  return (
    <AppMantine>
      <DateField
        label="From"
        value={value}
        onChange={(iso) => {
          changes.push(iso);
          setValue(iso);
        }}
      />
    </AppMantine>
  );
}

afterEach(async () => {
  changes.length = 0;
  document.body.innerHTML = "";
  await i18n.changeLanguage("en");
});

describe("a date field", () => {
  it("takes a Dutch day-first date and says so when one cannot be read", async () => {
    await i18n.changeLanguage("nl");
    const user = userEvent.setup();
    render(<Form />);
    const field = screen.getByLabelText("From");
    expect(field.getAttribute("placeholder")).toBe("31-12-2026");
    await user.type(field, "5-12-2026");
    expect(changes.at(-1)).toBe("2026-12-05");
    await user.clear(field);
    await user.type(field, "31-02-2026");
    await user.tab();
    expect(screen.getByText("Geen datum: typ hem als 31-12-2026")).toBeTruthy();
  });

  it("takes a Chinese year-first date", async () => {
    await i18n.changeLanguage("zh-CN");
    const user = userEvent.setup();
    render(<Form />);
    await user.type(screen.getByLabelText("From"), "2026/12/05");
    expect(changes.at(-1)).toBe("2026-12-05");
  });
});
