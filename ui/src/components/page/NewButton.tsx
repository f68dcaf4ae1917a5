import { Button } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";

/** A list page's button that starts a new record, at the right of its header. */
export function NewButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
