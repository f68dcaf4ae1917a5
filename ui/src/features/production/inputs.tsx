import { NumberInput, type NumberInputProps, Textarea, type TextareaProps } from "@mantine/core";

/** A count of pieces: whole, one at least. */
export function PiecesInput(props: NumberInputProps & { "data-testid"?: string }) {
  return <NumberInput min={1} allowDecimal={false} {...props} />;
}

/** The step's own words (what happened, why): required, growing as it is typed, focused first. */
export function StepText(props: TextareaProps & { "data-testid"?: string }) {
  return <Textarea required autosize data-autofocus {...props} />;
}
