import { Textarea, type TextareaProps } from "@mantine/core";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";

/**
 * A free text a step sends along (a note, a reason, a comment): `text` is its value and what
 * sets it; it holds at most `max` characters, a reason's length unless said otherwise, which is
 * the limit the backend checks most such texts against.
 */
export function NoteField({
  text: [value, setValue],
  max = TEXT_LIMITS.reason,
  ...rest
}: Omit<TextareaProps, "value" | "onChange" | "maxLength"> & {
  text: readonly [string, (value: string) => void];
  max?: number;
}) {
  return (
    <Textarea
      {...rest}
      maxLength={max}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
    />
  );
}
