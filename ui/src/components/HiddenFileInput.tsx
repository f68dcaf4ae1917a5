import type { ChangeEvent, Ref } from "react";

/**
 * The file chooser behind an "Add photos" or "Import" button. Visually hidden rather than
 * display:none, so file drops and WebDriver still reach it; out of the Tab order and hidden from
 * screen readers, because the visible button is the way in (a second, invisible stop confused).
 */
export function HiddenFileInput({
  ref,
  testId,
  accept,
  multiple,
  onChange,
}: {
  ref: Ref<HTMLInputElement>;
  testId: string;
  accept: string;
  multiple?: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      tabIndex={-1}
      aria-hidden="true"
      multiple={multiple}
      accept={accept}
      data-testid={testId}
      style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
      onChange={onChange}
    />
  );
}
