import {
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { Carrier } from "../../backend/bindings/Carrier";
import type { RequestReshipmentInput } from "../../backend/bindings/RequestReshipmentInput";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { DateField } from "../../components/DateField";
import { CheckField } from "../../components/forms/CheckField";
import { FormFooter } from "../../components/forms/FormFooter";
import { useFormErrors } from "../../components/forms/formErrors";
import { NoteField } from "../../components/forms/NoteField";
import { lineSetter } from "../../components/orderLines/lines";
import { LineInput, OrderLineCells } from "../../components/orderLines/OrderLineCells";
import { PageHeader } from "../../components/page/PageHeader";
import { TableHead } from "../../components/TableHead";
import { errorMessage } from "../../errors/apiError";
import { currencyCodes, moneyParams } from "../../money";
import { keys } from "../../queries/keys";
import { useAllVendors } from "../../queries/lists";
import { useOrder, useRma } from "../../queries/records";
import { CarrierSelect } from "./CarrierSelect";
import {
  COSTS,
  emptyForm,
  type LineState,
  placeField,
  type RequestFormState,
  toRequestInput,
} from "./requestForm";

const NO_LINE: LineState = { qty: "", lot: "", serials: "" };

/** The fields typed as text, which `bind` ties to their inputs. */
type TextKey = {
  [K in keyof RequestFormState]: RequestFormState[K] extends string ? K : never;
}[keyof RequestFormState];

export function RequestFormPage({
  failure,
  rma = null,
}: {
  failure: string | null;
  /** The return this request exchanges: its order and what came back fill the form. */
  rma?: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { session } = useSession();
  const [form, setForm] = useState<RequestFormState>(() =>
    emptyForm(failure ?? "", session.settings.currency, rma ?? ""),
  );
  const exchanged = useRma(rma);
  // An exchange replaces what came back: the RMA's first order and its received quantities. In an
  // effect, not during render, so the debounced order number sees the change.
  const returned = exchanged.data;
  useEffect(() => {
    if (!returned) return;
    const first = returned.opening.lines[0]?.order_no ?? "";
    const lines: Record<number, LineState> = {};
    returned.opening.lines.forEach((line, i) => {
      const qty = returned.qty_received[i] ?? 0;
      if (line.order_no === first && qty > 0)
        lines[line.line_no] = { ...NO_LINE, qty: String(qty) };
    });
    setForm((f) =>
      f.orderNo !== ""
        ? f
        : {
            ...f,
            orderNo: first,
            lines,
            reason: t("reshipment.form.exchange_reason", { rma: returned.rma_no }),
          },
    );
  }, [returned, t]);
  const { errors, clear, refuse, refused } = useFormErrors();
  const [orderNo] = useDebouncedValue(form.orderNo.trim(), 300);
  const order = useOrder(orderNo);
  const vendors = useAllVendors();
  const set = <K extends keyof RequestFormState>(key: K, value: RequestFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setLine = lineSetter(setForm, NO_LINE);

  const mutation = useMutation({
    mutationFn: (input: RequestReshipmentInput) => call("request_reshipment", input),
    onSuccess: (detail) => {
      client.setQueryData(["reshipment", detail.reshipment_no], detail);
      void client.invalidateQueries({ queryKey: keys.reshipments });
      void client.invalidateQueries({ queryKey: ["order"] });
      void navigate({
        to: "/reshipments/$reshipmentNo",
        params: { reshipmentNo: detail.reshipment_no },
      });
    },
  });

  const submit = () => {
    const out = toRequestInput(form);
    if ("errors" in out) {
      refuse(out.errors, moneyParams(form.currency));
      return;
    }
    const sent = out.input.items.map((i) => i.line_no);
    clear();
    mutation.mutate(out.input, { onError: (err) => refused(err, (f) => placeField(f, sent)) });
  };
  const at = (field: string) => errors.at[field];
  /** A text input or select that writes `key`: its value and setter, the error at `field`, its test id. */
  const bind = (key: TextKey, field: string, testId: string) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: at(field),
    "data-testid": testId,
  });

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={t("reshipment.form.title")} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {form.rmaNo !== "" ? (
                <TextInput
                  label={t("reshipment.field.exchange_of")}
                  description={t("reshipment.form.exchange_hint")}
                  value={form.rmaNo}
                  readOnly
                  error={at("rma_no")}
                  data-testid="rs-rma"
                />
              ) : (
                <TextInput
                  label={t("reshipment.field.failures")}
                  description={t("reshipment.form.failures_hint")}
                  {...bind("failureNos", "failure_nos", "rs-failures")}
                  required
                />
              )}
              <TextInput
                label={t("reshipment.field.order_no")}
                value={form.orderNo}
                onChange={(e) => set("orderNo", e.currentTarget.value)}
                error={
                  at("order_no") ??
                  (order.isError && orderNo !== "" ? errorMessage(t, order.error) : undefined)
                }
                required
                data-testid="rs-order"
              />
            </SimpleGrid>
          </Paper>

          {order.data && (
            <Paper withBorder p="md" radius="md">
              <Text size="sm" mb="xs">
                {t("reshipment.form.order_of", {
                  customer: order.data.customer_name ?? order.data.customer_code,
                })}
              </Text>
              {at("items") && (
                <Text c="red" size="sm" mb="xs">
                  {at("items")}
                </Text>
              )}
              <Table data-testid="rs-lines">
                <TableHead
                  columns={[
                    t("reshipment.field.line_no"),
                    t("reshipment.field.sku"),
                    t("reshipment.form.ordered"),
                    t("reshipment.field.qty"),
                    t("reshipment.field.lot_code"),
                    t("reshipment.field.serials"),
                  ]}
                />
                <Table.Tbody>
                  {order.data.lines.map((line) => {
                    const state = form.lines[line.line_no] ?? NO_LINE;
                    return (
                      <Table.Tr key={line.line_no}>
                        <OrderLineCells line={line} />
                        <Table.Td>
                          {line.qty}
                          {line.status !== "open" && (
                            <Text size="xs" c="orange">
                              {t(`masterdata.orders.status.${line.status}`, {
                                defaultValue: line.status,
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <LineInput
                          w={80}
                          inputMode="numeric"
                          value={state.qty}
                          onChange={(qty) => setLine(line.line_no, { qty })}
                          error={at(`line.${line.line_no}`)}
                          label={t("reshipment.field.qty")}
                          testId={`rs-line-qty-${line.line_no}`}
                        />
                        <LineInput
                          w={120}
                          value={state.lot}
                          onChange={(lot) => setLine(line.line_no, { lot })}
                          label={t("reshipment.field.lot_code")}
                          testId={`rs-line-lot-${line.line_no}`}
                        />
                        <LineInput
                          value={state.serials}
                          onChange={(serials) => setLine(line.line_no, { serials })}
                          label={t("reshipment.field.serials")}
                          placeholder={t("reshipment.form.serials_hint")}
                          testId={`rs-line-serials-${line.line_no}`}
                        />
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          )}

          <Paper withBorder p="md" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <CarrierSelect
                label={t("reshipment.field.carrier")}
                value={form.carrier}
                onChange={(e) => set("carrier", e.currentTarget.value as Carrier)}
                error={at("carrier")}
                data-testid="rs-carrier"
              />
              <TextInput
                label={t("reshipment.field.service")}
                maxLength={TEXT_LIMITS.label}
                placeholder={t("reshipment.form.service_hint")}
                {...bind("service", "service", "rs-service")}
              />
              <DateField
                label={t("reshipment.field.due_on")}
                description={t("reshipment.form.due_hint")}
                value={form.dueOn}
                onChange={(v) => set("dueOn", v)}
                error={at("due_on")}
                data-testid="rs-due"
              />
              {COSTS.map((cost) => (
                <TextInput
                  key={cost}
                  label={t(`reshipment.field.${cost}_cost`)}
                  inputMode="decimal"
                  {...bind(cost, `cost.${cost}_minor`, `rs-${cost}`)}
                />
              ))}
              <NativeSelect
                label={t("reshipment.field.currency")}
                data={[...new Set([session.settings.currency, ...currencyCodes()])]}
                {...bind("currency", "currency", "rs-currency")}
              />
            </SimpleGrid>
            <Group mt="md" align="flex-end">
              <Radio.Group
                label={t("reshipment.field.payer")}
                value={form.payer}
                onChange={(v) => set("payer", v as "us" | "vendor")}
                error={at("payer")}
              >
                <Group mt={4}>
                  <Radio value="us" label={t("reshipment.payer.us")} data-testid="rs-payer-us" />
                  <Radio
                    value="vendor"
                    label={t("reshipment.payer.vendor")}
                    data-testid="rs-payer-vendor"
                  />
                </Group>
              </Radio.Group>
              {form.payer === "vendor" && (
                <NativeSelect
                  label={t("reshipment.field.vendor")}
                  description={t("reshipment.form.vendor_hint")}
                  {...bind("vendorCode", "vendor_code", "rs-vendor")}
                  data={[
                    { value: "", label: "—" },
                    ...(vendors.data?.rows ?? []).map((v) => ({
                      value: v.code,
                      label: `${v.code} · ${v.name}`,
                    })),
                  ]}
                />
              )}
            </Group>
            <NoteField
              mt="md"
              label={t("reshipment.field.reason")}
              text={[form.reason, (v) => set("reason", v)]}
              error={at("reason")}
              required
              data-testid="rs-reason"
            />
          </Paper>

          <Paper withBorder p="md" radius="md">
            <CheckField
              label={t("reshipment.form.other_address")}
              flag={[form.otherAddress, (v) => set("otherAddress", v)]}
              data-testid="rs-other-address"
            />
            {form.otherAddress && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
                <TextInput
                  label={t("reshipment.field.ship_to_name")}
                  maxLength={TEXT_LIMITS.name}
                  {...bind("shipName", "ship_to.name", "rs-ship-name")}
                />
                <TextInput
                  label={t("reshipment.field.country")}
                  {...bind("shipCountry", "ship_to.country", "rs-ship-country")}
                />
                <NoteField
                  label={t("reshipment.field.address")}
                  max={TEXT_LIMITS.address}
                  text={[form.shipAddress, (v) => set("shipAddress", v)]}
                  error={at("ship_to.address")}
                  data-testid="rs-ship-address"
                />
                <NoteField
                  label={t("reshipment.field.ship_to_reason")}
                  text={[form.shipReason, (v) => set("shipReason", v)]}
                  error={at("ship_to_reason")}
                  data-testid="rs-ship-reason"
                />
              </SimpleGrid>
            )}
          </Paper>

          <FormFooter
            problems={errors.other}
            problemsTestId="rs-form-errors"
            pending={mutation.isPending}
            submitLabel={t("reshipment.form.submit")}
            submitTestId="rs-submit"
            cancel
          />
        </Stack>
      </form>
    </Stack>
  );
}
