import { Checkbox, type CheckboxProps } from "@mantine/core";

/** A yes/no a form asks: `flag` is whether it is ticked, and what sets it. */
export function CheckField({
  flag: [checked, setChecked],
  ...rest
}: Omit<CheckboxProps, "checked" | "onChange"> & {
  flag: readonly [boolean, (checked: boolean) => void];
}) {
  return (
    <Checkbox {...rest} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
  );
}
