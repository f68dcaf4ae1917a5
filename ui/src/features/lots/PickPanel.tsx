import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { LotLink } from "../../components/RecordLink";
import { submitWith } from "../../components/submitWith";
import { fieldHeadings } from "../../components/TableHead";
import { errorMessage, fieldErrors } from "../../errors/apiError";

/** First expiry, first out: which lots to pick a quantity of a SKU from, and what is short. */
export function PickPanel() {
  const { t } = useTranslation();
  const [sku, setSku] = useState("");
  const [qty, setQty] = useState<number | string>(1);
  const pick = useMutation({
    mutationFn: () => call("pick_suggestion", { sku: sku.trim(), qty: Number(qty) || 0 }),
  });
  const errors = pick.isError ? fieldErrors(t, pick.error) : {};
  const other =
    pick.isError && Object.keys(errors).length === 0 ? errorMessage(t, pick.error) : null;
  return (
    <Stack gap="sm" maw={900}>
      <Note>{t("lots.pick.intro")}</Note>
      <form onSubmit={submitWith(() => pick.mutate())}>
        <Group align="flex-end">
          <TextInput
            label={t("lots.pick.sku")}
            value={sku}
            onChange={(e) => setSku(e.currentTarget.value)}
            error={errors.sku}
            data-testid="pick-sku"
          />
          <NumberInput
            label={t("lots.pick.qty")}
            value={qty}
            onChange={setQty}
            min={1}
            allowDecimal={false}
            error={errors.qty}
            w={120}
            data-testid="pick-qty"
          />
          <Button type="submit" loading={pick.isPending} data-testid="pick-submit">
            {t("lots.pick.submit")}
          </Button>
        </Group>
      </form>
      {other && <Alert color="red">{other}</Alert>}
      {pick.data && (
        <Stack gap="xs" data-testid="pick-result">
          {pick.data.short > 0 && (
            <Alert color="orange" data-testid="pick-short">
              {t("lots.pick.short", { qty: pick.data.short })}
            </Alert>
          )}
          <HeadedTable
            tableProps={{ striped: true, withTableBorder: true }}
            columns={fieldHeadings(t, "lots.pick", [
              "order",
              "lot",
              { right: "take" },
              { right: "on_hand" },
              "location",
              "expiry",
            ])}
            items={pick.data.lots}
            row={(l, i) => (
              <Table.Tr key={l.lot_code} data-testid="pick-row">
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <LotLink no={l.lot_code} />
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {l.take} {l.unit}
                </Table.Td>
                <Table.Td ta="right">
                  {l.on_hand} {l.unit}
                  {l.held > 0 && (
                    <Text size="xs" c="dimmed" data-testid="pick-row-held">
                      {t("lots.pick.held", { qty: l.held })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{l.location ?? "—"}</Table.Td>
                <Table.Td>
                  {l.expiry_date ?? "—"}{" "}
                  {l.near_expiry && (
                    <Badge color="orange" variant="light" size="sm">
                      {t("lots.pick.near_expiry")}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
          {pick.data.left_out.length > 0 && (
            <Stack gap={2} data-testid="pick-left-out">
              <Text size="sm" fw={600}>
                {t("lots.pick.left_out_title")}
              </Text>
              {pick.data.left_out.map((o) => (
                <Text
                  size="sm"
                  c="dimmed"
                  key={`${o.reason}-${o.lot_code ?? ""}`}
                  data-testid={`pick-left-out-${o.reason}`}
                >
                  {t(`lots.pick.left_out.${o.reason}`, {
                    lot: o.lot_code ?? t("lots.pick.no_lot"),
                    qty: o.qty,
                    serials: o.serials.join(", "),
                  })}
                </Text>
              ))}
            </Stack>
          )}
          {pick.data.skipped.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="pick-skipped">
              {t("lots.pick.skipped", { lots: pick.data.skipped.join(", ") })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
