import { Badge, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";

type Props = {
  lotCode: string;
  /** Serials rejected (the failure's failed serials) and accepted. */
  rejected: string[];
  accepted: string[];
  onChange: (rejected: string[], accepted: string[]) => void;
};

type Verdict = "" | "accept" | "reject";

/**
 * Per-serial inspection of a serial-tracked lot: each serial of the lot accepted or rejected (or
 * not inspected). The rejected serials are the failure's failed units; the product's reaction may
 * hold only them, so the rest of the lot still ships.
 */
export function SerialInspection({ lotCode, rejected, accepted, onChange }: Props) {
  const { t } = useTranslation();
  const lot = useQuery({
    queryKey: ["lot", lotCode],
    queryFn: () => call("get_lot", { lot_code: lotCode }),
    enabled: lotCode.trim() !== "",
    retry: false,
  });
  const serials = lot.data?.serials ?? [];
  if (serials.length === 0) return null;
  const verdict = (serial: string): Verdict =>
    rejected.includes(serial) ? "reject" : accepted.includes(serial) ? "accept" : "";
  const set = (serial: string, v: Verdict) => {
    const r = rejected.filter((s) => s !== serial);
    const a = accepted.filter((s) => s !== serial);
    if (v === "reject") r.push(serial);
    if (v === "accept") a.push(serial);
    onChange(r, a);
  };
  return (
    <Stack gap={4} data-testid="ff-serial-inspection">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t("failure_form.per_serial")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("failure_form.per_serial_counts", {
            accepted: accepted.length,
            rejected: rejected.length,
          })}
        </Text>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {serials.map((serial) => (
            <Table.Tr key={serial}>
              <Table.Td>
                <Badge variant="light">{serial}</Badge>
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={verdict(serial)}
                  onChange={(v) => set(serial, v as Verdict)}
                  data={[
                    { value: "", label: t("failure_form.serial_not_inspected") },
                    { value: "accept", label: t("failure_form.serial_accept") },
                    { value: "reject", label: t("failure_form.serial_reject") },
                  ]}
                  data-testid={`ff-serial-${serial}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
