import "../../../i18n";
import type { HistoryEntry } from "../../../backend/bindings/HistoryEntry";
import { RecordHistory } from "../../../components/RecordHistory";
import { resetAfterEach, speak } from "../../../testing/language";
import { mount } from "../../../testing/mount";
import { FAILURE_HISTORY } from "./FailureHistory";

resetAfterEach([]);

// A failure logged under the default rule, which held nothing: the values as the backend writes them.
const logged: HistoryEntry = {
  at: "2026-12-07T11:53:00.000Z",
  actor_name: "Mei Chen",
  device_id: "01a2505a",
  kind: "failure_logged",
  changes: [
    { field: "held", before: null, after: "none" },
    { field: "reaction_source", before: null, after: "global" },
  ],
  note: null,
};

const shown = () => document.querySelector('[data-testid="failure-history"]')?.textContent ?? "";

it.each([
  ["en", "Nothing held", "the default rule"],
  ["nl", "Niets geblokkeerd", "de standaardregel"],
  ["zh-CN", "未冻结", "默认规则"],
])(
  "in %s, the reaction's coded values read as words, not codes",
  async (language, held, source) => {
    await speak(language);
    await mount(<RecordHistory history={[logged]} kind={FAILURE_HISTORY} />);
    const text = shown();
    expect(text).not.toMatch(/\bnone\b|\bglobal\b/);
    expect(text).toContain(held);
    expect(text).toContain(source);
  },
);
