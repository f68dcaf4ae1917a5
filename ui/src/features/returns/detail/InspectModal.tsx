import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LineDisposition } from "../../../backend/bindings/LineDisposition";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { LineInput, LineSelect } from "../../../components/orderLines/OrderLineCells";
import { moneyParams } from "../../../money";
import {
  type DispositionRow,
  inspectDefaults,
  inspectUnitDefaults,
  placeDispositionField,
  toDispositions,
} from "../stepForms";
import { DISPOSITIONS, type RmaDetail, TO_STOCK } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

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
  // Units graded one by one at intake take a disposition per grade (per serial on a serial line).
  const [rows, setRows] = useState<DispositionRow[]>(() =>
    (detail.intake?.units ?? []).length > 0
      ? inspectUnitDefaults(detail.intake?.units ?? [])
      : inspectDefaults(detail.qty_received),
  );
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
  /** A row's typed cells, by the field each writes. */
  const typedCells = (row: DispositionRow) =>
    [
      {
        field: "qty",
        w: 70,
        inputMode: "numeric",
        value: row.qty,
        label: t("returns.field.qty"),
      },
      {
        field: "recovered",
        w: 100,
        inputMode: "decimal",
        value: row.recovered,
        label: t("returns.field.recovered", { currency: detail.currency }),
      },
      // A location off the administrator's list is refused by name on save.
      {
        field: "location",
        w: 130,
        disabled: !toStock(row),
        value: toStock(row) ? row.location : "",
        label: t("returns.field.location"),
      },
    ] as const;
  const ids = rowIds(rows);
  return (
    <ActionModal
      title={t("returns.action.inspect")}
      size="xl"
      onClose={onClose}
      pending={mutation.isPending}
      submitTestId="rma-inspect-submit"
      submitLabel={t("returns.action.inspect")}
      onSubmit={() => {
        const out = toDispositions(rows, detail.currency);
        if ("errors" in out) setLocal(out.errors);
        else {
          setLocal({});
          mutation.mutate(out.dispositions);
        }
      }}
    >
      <Table data-testid="rma-inspect-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("returns.field.sku")}</Table.Th>
            <Table.Th>{t("returns.field.disposition")}</Table.Th>
            <Table.Th>{t("returns.field.qty")}</Table.Th>
            <Table.Th>{t("returns.field.recovered", { currency: detail.currency })}</Table.Th>
            <Table.Th>{t("returns.field.location")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => {
            const line = lines[row.lineIndex];
            const id = ids[i] ?? String(i);
            return (
              <Table.Tr key={id}>
                <Table.Td>
                  {line?.sku}
                  {row.grade && (
                    <Badge ml={6} size="sm" variant="light" data-testid={`rma-inspect-grade-${id}`}>
                      {t(`returns.grade.${row.grade}`)}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {row.serials.length > 0
                      ? row.serials.join(", ")
                      : t("returns.inspect.received", {
                          qty: detail.qty_received[row.lineIndex] ?? 0,
                        })}
                  </Text>
                </Table.Td>
                <LineSelect
                  value={row.disposition}
                  onChange={(disposition) => setRow(i, { disposition })}
                  data={[
                    { value: "", label: t("returns.form.choose_option"), disabled: true },
                    ...DISPOSITIONS.map((d) => ({
                      value: d,
                      label: t(`returns.disposition.${d}`),
                    })),
                  ]}
                  error={err(`row.${i}.disposition`)}
                  label={t("returns.field.disposition")}
                  testId={`rma-inspect-disposition-${id}`}
                />
                {typedCells(row).map(({ field, ...cell }) => (
                  <LineInput
                    key={field}
                    {...cell}
                    onChange={(value) => setRow(i, { [field]: value })}
                    error={err(`row.${i}.${field}`)}
                    testId={`rma-inspect-${field}-${id}`}
                  />
                ))}
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.serials.length === 0 && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t("returns.inspect.split")}
                        title={t("returns.inspect.split")}
                        onClick={() =>
                          setRows((rs) => [
                            ...rs.slice(0, i + 1),
                            { ...row, qty: "", recovered: "", location: "", serials: [] },
                            ...rs.slice(i + 1),
                          ])
                        }
                        data-testid={`rma-inspect-split-${id}`}
                      >
                        <IconPlus size={14} />
                      </Button>
                    )}
                    {row.serials.length === 0 &&
                      rows.filter(
                        (r) =>
                          r.lineIndex === row.lineIndex &&
                          r.grade === row.grade &&
                          r.serials.length === 0,
                      ).length > 1 && (
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

/** The settlement fields the backend names (the exchange's reshipment is checked by the act). */
