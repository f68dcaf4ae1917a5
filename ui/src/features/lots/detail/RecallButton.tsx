import { Button, type ButtonProps } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

/** A step towards a recall: red, under a warning sign, wherever it is offered. */
export function RecallButton(
  props: ButtonProps & {
    type?: "submit";
    onClick?: () => void;
    "data-testid": string;
    children: string;
  },
) {
  return <Button color="red" leftSection={<IconAlertTriangle size={16} />} {...props} />;
}
