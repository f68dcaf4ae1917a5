import {
  NativeSelect,
  type NativeSelectProps,
  Table,
  Text,
  TextInput,
  type TextInputProps,
} from "@mantine/core";

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
  onChange,
  testId,
  ...input
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
} & Pick<
  TextInputProps,
  "error" | "w" | "inputMode" | "disabled" | "placeholder" | "description"
>) {
  return (
    <Table.Td>
      <TextInput
        {...input}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-label={label}
        data-testid={testId}
      />
    </Table.Td>
  );
}

/** One select in a row's cell; its column heading names it for screen readers. */
export function LineSelect<V extends string>({
  label,
  onChange,
  testId,
  ...select
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  testId: string;
} & Pick<NativeSelectProps, "data" | "error">) {
  return (
    <Table.Td>
      <NativeSelect
        {...select}
        onChange={(e) => onChange(e.currentTarget.value as V)}
        aria-label={label}
        data-testid={testId}
      />
    </Table.Td>
  );
}
