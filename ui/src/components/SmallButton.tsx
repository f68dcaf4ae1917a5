import { Button } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";

/**
 * A small step with its icon, beside a section's exports or a record's title (targets, a PDF);
 * `loading` while it works.
 */
export function SmallButton({
  label,
  icon: StepIcon,
  loading,
  onClick,
  testId,
}: {
  label: string;
  icon: Icon;
  loading?: boolean;
  onClick: () => void | Promise<void>;
  testId: string;
}) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<StepIcon size={14} />}
      loading={loading}
      onClick={onClick}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
