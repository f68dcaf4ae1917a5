import { Button, Group, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LineDisposition } from "../../../backend/bindings/LineDisposition";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { TableHead } from "../../../components/TableHead";
import { moneyParams } from "../../../money";
import {
  type DispositionRow,
  inspectDefaults,
  placeDispositionField,
  toDispositions,
} from "../stepForms";
import { DISPOSITIONS, type ReturnDisposition, type RmaDetail, TO_STOCK } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

/** Whether the row's units go back into stock, so it needs a location. */
const toStock = (row: DispositionRow) => row.disposition !== "" && TO_STOCK.has(row.disposition);

/** The test id suffix of a disposition row: the line index, then `-k` for a line's extra rows. */
function rowIds(rows: DispositionRow[]): string[] {
  const seen = new Map<number, number>();
  return rows.map((r) => {
    const n = seen.get(r.lineIndex) ?? 0;
    seen.set(r.lineIndex, n + 1);
    return n === 0 ? String(r.lineIndex) : `${r.lineIndex}-${n}`;
  });
}

export function InspectModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const lines = detail.opening.lines;
  const [rows, setRows] = useState<DispositionRow[]>(() => inspectDefaults(detail.qty_received));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { mutation, errors } = useRmaAction(
    (dispositions: LineDisposition[]) =>
      call("inspect_rma", { rma_no: detail.rma_no, dispositions }),
    onClose,
    (f) => placeDispositionField(f) !== null,
  );
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const at = placeDispositionField(field);
    if (at) placed[at] = message;
  }
  const err = (key: string) =>
    placed[key] ?? (local[key] ? t(local[key], moneyParams(detail.currency)) : undefined);
  const setRow = (i: number, patch: Partial<DispositionRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const ids = rowIds(rows);
  return (
    <ActionModal
      title={t("returns.action.inspect")}
      size="xl"
      onClose={onClose}
      onSubmit={() => {
        const out = toDispositions(rows, detail.currency);
        if ("errors" in out) setLocal(out.errors);
        else {
          setLocal({});
          mutation.mutate(out.dispositions);
        }
      }}
      pending={mutation.isPending}
      submitTestId="rma-inspect-submit"
      submitLabel={t("returns.action.inspect")}
    >
      <Table data-testid="rma-inspect-rows">
        <TableHead
          columns={[
            t("returns.field.sku"),
            t("returns.field.disposition"),
            t("returns.field.qty"),
            t("returns.field.recovered", { currency: detail.currency }),
            t("returns.field.location"),
            "",
          ]}
        />
        <Table.Tbody>
          {rows.map((row, i) => {
            const line = lines[row.lineIndex];
            const id = ids[i] ?? String(i);
            return (
              <Table.Tr key={id}>
                <Table.Td>
                  {line?.sku}
                  <Text size="xs" c="dimmed">
                    {t("returns.inspect.received", {
                      qty: detail.qty_received[row.lineIndex] ?? 0,
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    value={row.disposition}
                    onChange={(e) =>
                      setRow(i, { disposition: e.currentTarget.value as ReturnDisposition })
                    }
                    data={[
                      { value: "", label: t("returns.form.choose_option"), disabled: true },
                      ...DISPOSITIONS.map((d) => ({
                        value: d,
                        label: t(`returns.disposition.${d}`),
                      })),
                    ]}
                    error={err(`row.${i}.disposition`)}
                    aria-label={t("returns.field.disposition")}
                    data-testid={`rma-inspect-disposition-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={70}
                    inputMode="numeric"
                    value={row.qty}
                    onChange={(e) => setRow(i, { qty: e.currentTarget.value })}
                    error={err(`row.${i}.qty`)}
                    aria-label={t("returns.field.qty")}
                    data-testid={`rma-inspect-qty-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={100}
                    inputMode="decimal"
                    value={row.recovered}
                    onChange={(e) => setRow(i, { recovered: e.currentTarget.value })}
                    error={err(`row.${i}.recovered`)}
                    aria-label={t("returns.field.recovered", { currency: detail.currency })}
                    data-testid={`rma-inspect-recovered-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    w={130}
                    disabled={!toStock(row)}
                    // A location off the administrator's list is refused by name on save.
                    value={toStock(row) ? row.location : ""}
                    onChange={(e) => setRow(i, { location: e.currentTarget.value })}
                    error={err(`row.${i}.location`)}
                    aria-label={t("returns.field.location")}
                    data-testid={`rma-inspect-location-${id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t("returns.inspect.split")}
                      title={t("returns.inspect.split")}
                      onClick={() =>
                        setRows((rs) => [
                          ...rs.slice(0, i + 1),
                          { ...row, qty: "", recovered: "", location: "" },
                          ...rs.slice(i + 1),
                        ])
                      }
                      data-testid={`rma-inspect-split-${id}`}
                    >
                      <IconPlus size={14} />
                    </Button>
                    {rows.filter((r) => r.lineIndex === row.lineIndex).length > 1 && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t("returns.inspect.remove")}
                        title={t("returns.inspect.remove")}
                        onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={14} />
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors.dispositions && (
        <Text c="red" size="sm" mt="xs">
          {errors.dispositions}
        </Text>
      )}
    </ActionModal>
  );
}
