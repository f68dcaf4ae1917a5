import { act } from "react";
import i18n from "../i18n";

/** Switches the UI to `language` as a user's choice would, the re-render done. */
export async function speak(language: string) {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
}

/** After each test: an empty page, the recorded calls forgotten, and English again. */
export function resetAfterEach(calls: unknown[]) {
  afterEach(async () => {
    document.body.innerHTML = "";
    calls.length = 0;
    await speak("en");
  });
}
