import { Badge, CloseButton } from "@mantine/core";

/**
 * A filter that came with a link (a report's figure) and has no control in the filter bar:
 * shown so that a short list explains itself, and removable like any other filter.
 */
export function FilterChip({
  label,
  removeLabel,
  onRemove,
  testId,
}: {
  label: string;
  /** What the remove button says to a screen reader. */
  removeLabel: string;
  onRemove: () => void;
  testId: string;
}) {
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      fw={500}
      data-testid={testId}
      rightSection={
        <CloseButton
          size="xs"
          variant="transparent"
          aria-label={removeLabel}
          onClick={onRemove}
          data-testid={`${testId}-remove`}
        />
      }
    >
      {label}
    </Badge>
  );
}
