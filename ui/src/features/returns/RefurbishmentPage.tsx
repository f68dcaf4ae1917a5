import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { RefurbishmentOutcome } from "../../backend/bindings/RefurbishmentOutcome";
import type { RefurbishmentRow } from "../../backend/bindings/RefurbishmentRow";
import { call } from "../../backend/call";
import { NoteField } from "../../components/forms/NoteField";
import { SubmitButtons } from "../../components/forms/SubmitButtons";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { formatDateTimeShort } from "../../format";
import { mayPrintLabels } from "./actions";
import { wholeNumber } from "./units";

export const OUTCOMES: RefurbishmentOutcome[] = ["refurbished", "scrapped", "returned_to_vendor"];

/**
 * Returned units sent to refurbish wait here, apart from stock sold as new, until someone records
 * what came of them: refurbished (B-stock), scrapped, or returned to the vendor.
 */
export function RefurbishmentPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const mayRecord = mayPrintLabels(session.permissions);
  const [open, setOpen] = useState<RefurbishmentRow | null>(null);
  const queue = useQuery({
    queryKey: ["refurbishment-queue"],
    queryFn: () => call("list_refurbishment_queue", {}),
  });
  const rows = queue.data ?? [];
  return (
    <Stack>
      <div>
        <Title order={2}>{t("returns.refurbishment.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("returns.refurbishment.intro")}
        </Text>
      </div>
      {queue.isError && <Alert color="red">{errorMessage(t, queue.error)}</Alert>}
      <Paper withBorder>
        <Table data-testid="refurbishment-queue" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("returns.refurbishment.rma")}</Table.Th>
              <Table.Th>{t("returns.field.sku")}</Table.Th>
              <Table.Th>{t("returns.refurbishment.lot")}</Table.Th>
              <Table.Th>{t("returns.field.location")}</Table.Th>
              <Table.Th ta="right">{t("returns.field.qty")}</Table.Th>
              <Table.Th>{t("returns.refurbishment.queued_at")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={`${row.rma_no}-${row.line_index}-${row.location}`}
                data-testid="refurbishment-row"
              >
                <Table.Td>
                  <Link to="/returns/$rmaNo" params={{ rmaNo: row.rma_no }}>
                    {row.rma_no}
                  </Link>
                </Table.Td>
                <Table.Td>
                  {row.sku}
                  {row.product_name && (
                    <Text size="xs" c="dimmed">
                      {row.product_name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.lot_code ?? "—"}</Table.Td>
                <Table.Td>{row.location}</Table.Td>
                <Table.Td ta="right">
                  {row.qty}
                  {row.serials.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {row.serials.join(", ")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTimeShort(row.queued_at, i18n.language)}</Table.Td>
                <Table.Td>
                  {mayRecord && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setOpen(row)}
                      data-testid={`refurbish-${row.rma_no}-${row.line_index}`}
                    >
                      {t("returns.refurbishment.record")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!queue.isPending && rows.length === 0 && (
          <Text c="dimmed" p="md" data-testid="refurbishment-empty">
            {t("returns.refurbishment.empty")}
          </Text>
        )}
      </Paper>
      {open && <OutcomeModal row={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function OutcomeModal({ row, onClose }: { row: RefurbishmentRow; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<RefurbishmentOutcome>("refurbished");
  const [qty, setQty] = useState(String(row.serials.length > 0 ? 1 : row.qty));
  const [serials, setSerials] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [bad, setBad] = useState(false);
  const mutation = useMutation({
    mutationFn: (count: number) =>
      call("record_refurbishment", {
        rma_no: row.rma_no,
        line_index: row.line_index,
        qty: count,
        serials,
        outcome,
        note: note.trim(),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["refurbishment-queue"] });
      void client.invalidateQueries({ queryKey: ["rma", row.rma_no] });
      onClose();
    },
  });
  const errors = mutation.error ? fieldErrors(t, mutation.error) : {};
  const bySerial = row.serials.length > 0;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("returns.refurbishment.record_title", { sku: row.sku, rma_no: row.rma_no })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const count = bySerial ? serials.length : wholeNumber(qty);
          setBad(count === null || count === 0);
          if (count !== null && count > 0) mutation.mutate(count);
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t("returns.refurbishment.outcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as RefurbishmentOutcome)}
            data={OUTCOMES.map((o) => ({
              value: o,
              label: t(`returns.refurbishment.outcome_${o}`),
            }))}
            data-testid="refurbish-outcome"
          />
          {bySerial ? (
            <Stack gap={4} data-testid="refurbish-serials">
              <Text size="sm" fw={500}>
                {t("returns.refurbishment.serials")}
              </Text>
              <Group>
                {row.serials.map((serial) => (
                  <Checkbox
                    key={serial}
                    label={<Badge variant="light">{serial}</Badge>}
                    checked={serials.includes(serial)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSerials((s) => (on ? [...s, serial] : s.filter((x) => x !== serial)));
                    }}
                  />
                ))}
              </Group>
              {(errors.serials || bad) && (
                <Text c="red" size="sm">
                  {errors.serials ?? t("returns.form.bad_qty")}
                </Text>
              )}
            </Stack>
          ) : (
            <TextInput
              label={t("returns.field.qty")}
              description={t("returns.refurbishment.waiting", { qty: row.qty })}
              inputMode="numeric"
              value={qty}
              onChange={(e) => setQty(e.currentTarget.value)}
              error={errors.qty ?? (bad ? t("returns.form.bad_qty") : undefined)}
              data-testid="refurbish-qty"
            />
          )}
          <NoteField
            label={t("returns.field.note")}
            text={[note, setNote]}
            error={errors.note}
            data-testid="refurbish-note"
          />
          {mutation.isError && Object.keys(errors).length === 0 && (
            <Alert color="red">{errorMessage(t, mutation.error)}</Alert>
          )}
          <SubmitButtons
            onCancel={onClose}
            pending={mutation.isPending}
            label={t("returns.refurbishment.record")}
            testId="refurbish-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
