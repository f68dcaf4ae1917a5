import { Table, Text, TextInput } from "@mantine/core";

/**
 * The cells a form's row of an order line shares, whatever the form asks of the line (a
 * reshipment's quantity, lot and serials; a return's quantity and serials): its number, and its
 * SKU with the product's name under it.
 */
export function OrderLineCells({
  line,
}: {
  line: { line_no: number; sku: string; product_name: string | null };
}) {
  return (
    <>
      <Table.Td>{line.line_no}</Table.Td>
      <Table.Td>
        {line.sku}
        <Text size="xs" c="dimmed">
          {line.product_name}
        </Text>
      </Table.Td>
    </>
  );
}

/** One input in an order line's cell; its column heading names it for screen readers. */
export function LineInput({
  label,
  value,
  onChange,
  testId,
  error,
  w,
  numeric,
  disabled,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  error?: string;
  w?: number;
  numeric?: boolean;
  disabled?: boolean;
  placeholder?: string;
}) {
  return (
    <Table.Td>
      <TextInput
        w={w}
        inputMode={numeric ? "numeric" : undefined}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        placeholder={placeholder}
        aria-label={label}
        data-testid={testId}
      />
    </Table.Td>
  );
}
