import {
  Alert,
  Autocomplete,
  Checkbox,
  Grid,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../backend/bindings/AttachmentView";
import type { OpenRmaInput } from "../../backend/bindings/OpenRmaInput";
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
import { apiErrorOf, errorMessage, translateKey } from "../../errors/apiError";
import { formatMoney } from "../../money";
import { keys } from "../../queries/keys";
import { useReturnPolicy } from "../../queries/lists";
import { useOrder } from "../../queries/records";
import { ChannelSelect } from "../channels/ChannelSelect";
import { channelName } from "../channels/channels";
import {
  checkable,
  EMPTY_OPEN_FORM,
  NO_LINE,
  type OpenFormState,
  pickLine,
  placeField,
  toOpenInput,
} from "./openForm";
import { PhotoUpload } from "./PhotoUpload";
import { OUTCOMES, type PreferredOutcome } from "./types";
import { VerdictPanel } from "./VerdictPanel";
import { reasonName } from "./verdict";

export function OpenRmaPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<OpenFormState>(EMPTY_OPEN_FORM);
  const [photos, setPhotos] = useState<AttachmentView[]>([]);
  const { errors, clear, refuse, refused } = useFormErrors();
  const [orderNo] = useDebouncedValue(form.orderNo.trim(), 300);
  // Users find the order by its number, the customer's code or name, or a scan of the number.
  const matches = useQuery({
    queryKey: ["orders", "search", orderNo],
    queryFn: () => call("list_orders", { text: orderNo, offset: 0, limit: 8 }),
    enabled: orderNo.length >= 2,
    placeholderData: keepPreviousData,
  });
  const suggestions = (matches.data?.rows ?? []).filter((o) => o.order_no !== form.orderNo.trim());
  // A customer's name or code is no order number: their orders are offered to pick from, and
  // "there is no order …" is said only when nothing matches at all.
  const order = useOrder(orderNo);
  const policy = useReturnPolicy();
  const set = <K extends keyof OpenFormState>(key: K, value: OpenFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setLine = lineSetter(setForm, NO_LINE);

  // The live verdict: the rules judge the form as it stands, 300 ms after the last change.
  const [settled] = useDebouncedValue(form, 300);
  const checkInput = useMemo((): OpenRmaInput | null => {
    const out = toOpenInput(settled);
    return "input" in out && checkable(out.input) ? out.input : null;
  }, [settled]);
  const check = useQuery({
    queryKey: ["rma-check", checkInput],
    queryFn: () =>
      checkInput ? call("check_rma", checkInput) : Promise.reject(new Error("nothing to check")),
    enabled: checkInput !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });

  const mutation = useMutation({
    mutationFn: (input: OpenRmaInput) => call("open_rma", input),
    onSuccess: (detail) => {
      client.setQueryData(["rma", detail.rma_no], detail);
      void client.invalidateQueries({ queryKey: keys.rmas });
      void navigate({ to: "/returns/$rmaNo", params: { rmaNo: detail.rma_no } });
    },
  });

  const submit = () => {
    const out = toOpenInput(form);
    if ("errors" in out) {
      refuse(out.errors);
      return;
    }
    const sent = out.input.lines.map((l) => l.line_no);
    clear();
    mutation.mutate(out.input, { onError: (err) => refused(err, (f) => placeField(f, sent)) });
  };
  const at = (field: string) => errors.at[field];
  const reasons = policy.data?.reasons ?? [];
  const checkProblems = check.isError
    ? apiErrorOf(check.error).fields.map((f) => translateKey(t, f.message_key, f.params))
    : [];

  return (
    <Stack gap="md">
      <PageHeader title={t("returns.form.title")} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Autocomplete
                  label={t("returns.field.order_no")}
                  description={
                    order.isError && suggestions.length > 0
                      ? t("returns.form.order_pick", { count: suggestions.length })
                      : t("returns.form.order_hint")
                  }
                  value={form.orderNo}
                  onChange={(value) => setForm({ ...form, orderNo: value, lines: {} })}
                  data={suggestions.map((o) => o.order_no)}
                  filter={({ options }) => options}
                  renderOption={({ option }) => {
                    const found = suggestions.find((o) => o.order_no === option.value);
                    return (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{option.value}</Text>
                        <Text size="xs" c="dimmed">
                          {found?.customer_name ?? found?.customer_code}
                        </Text>
                      </Group>
                    );
                  }}
                  error={
                    at("order_no") ??
                    (order.isError &&
                    orderNo !== "" &&
                    suggestions.length === 0 &&
                    !matches.isFetching
                      ? errorMessage(t, order.error)
                      : undefined)
                  }
                  required
                  data-testid="rma-order"
                />
                {order.data && (
                  <Stack gap="xs" mt="md">
                    <Text size="sm">
                      {t("returns.form.order_of", {
                        customer: order.data.customer_name ?? order.data.customer_code,
                      })}
                    </Text>
                    {at("lines") && (
                      <Text c="red" size="sm">
                        {at("lines")}
                      </Text>
                    )}
                    <Table data-testid="rma-lines">
                      <TableHead
                        columns={[
                          "",
                          t("returns.field.line_no"),
                          t("returns.field.sku"),
                          { label: t("returns.form.ordered"), right: true },
                          t("returns.field.qty"),
                          t("returns.field.serials"),
                        ]}
                      />
                      <Table.Tbody>
                        {order.data.lines.map((line) => {
                          const state = form.lines[line.line_no] ?? NO_LINE;
                          return (
                            <Table.Tr key={line.line_no}>
                              <Table.Td>
                                <Checkbox
                                  checked={state.picked}
                                  onChange={(e) =>
                                    setForm(
                                      pickLine(
                                        form,
                                        line.line_no,
                                        e.currentTarget.checked,
                                        line.qty,
                                      ),
                                    )
                                  }
                                  aria-label={t("returns.form.pick_line", { line: line.line_no })}
                                  data-testid={`rma-line-pick-${line.line_no}`}
                                />
                              </Table.Td>
                              <OrderLineCells line={line} />
                              <Table.Td ta="right">{line.qty}</Table.Td>
                              <LineInput
                                w={80}
                                inputMode="numeric"
                                disabled={!state.picked}
                                value={state.qty}
                                onChange={(qty) => setLine(line.line_no, { qty })}
                                error={at(`line.${line.line_no}.qty`)}
                                label={t("returns.field.qty")}
                                testId={`rma-line-qty-${line.line_no}`}
                              />
                              <LineInput
                                disabled={!state.picked}
                                value={state.serials}
                                onChange={(serials) => setLine(line.line_no, { serials })}
                                error={at(`line.${line.line_no}.serials`)}
                                placeholder={t("returns.form.serials_hint")}
                                label={t("returns.field.serials")}
                                testId={`rma-line-serials-${line.line_no}`}
                              />
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </Stack>
                )}
              </Paper>

              <Paper withBorder p="md" radius="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={t("returns.field.reason")}
                    value={form.reasonCode}
                    onChange={(e) => set("reasonCode", e.currentTarget.value)}
                    data={[
                      { value: "", label: t("returns.form.choose_reason") },
                      ...reasons.map((r) => ({ value: r.code, label: reasonName(t, r.code) })),
                    ]}
                    error={at("reason_code")}
                    required
                    data-testid="rma-reason"
                  />
                  <DateField
                    label={t("returns.field.delivered_on")}
                    description={t("returns.form.delivered_hint")}
                    value={form.deliveredOn}
                    onChange={(v) => set("deliveredOn", v)}
                    error={at("delivered_on")}
                    data-testid="rma-delivered-on"
                  />
                  {/* The order's own channel is the RMA's; a pick only where it records none. */}
                  <ChannelSelect
                    value={order.data?.channel ?? form.channel}
                    onChange={(channel) => set("channel", channel)}
                    disabled={Boolean(order.data?.channel)}
                    description={
                      order.data?.channel
                        ? t("channel.from_order", { channel: channelName(t, order.data.channel) })
                        : t("channel.pick_hint")
                    }
                    error={at("channel")}
                    testId="rma-channel"
                  />
                </SimpleGrid>
                <Stack gap={4} mt="md">
                  <Text size="sm" fw={500}>
                    {t("returns.field.preferred_outcome")}
                  </Text>
                  <SegmentedControl
                    value={form.preferredOutcome}
                    onChange={(v) => set("preferredOutcome", v as PreferredOutcome)}
                    data={OUTCOMES.map((o) => ({ value: o, label: t(`returns.outcome.${o}`) }))}
                    data-testid="rma-outcome"
                  />
                  {at("preferred_outcome") && (
                    <Text c="red" size="sm">
                      {at("preferred_outcome")}
                    </Text>
                  )}
                </Stack>
                <Stack gap={6} mt="md">
                  <Text size="sm" fw={500}>
                    {t("returns.form.condition")}
                  </Text>
                  <Group>
                    <CheckField
                      label={t("returns.condition.original_packaging")}
                      flag={[form.originalPackaging, (v) => set("originalPackaging", v)]}
                      data-testid="rma-cond-packaging"
                    />
                    <CheckField
                      label={t("returns.condition.unused")}
                      flag={[form.unused, (v) => set("unused", v)]}
                      data-testid="rma-cond-unused"
                    />
                    <CheckField
                      label={t("returns.condition.tags_attached")}
                      flag={[form.tagsAttached, (v) => set("tagsAttached", v)]}
                      data-testid="rma-cond-tags"
                    />
                  </Group>
                </Stack>
                <CheckField
                  mt="md"
                  label={t("returns.form.non_carrier_damage")}
                  flag={[form.nonCarrierDamage, (v) => set("nonCarrierDamage", v)]}
                  data-testid="rma-damage"
                />
                <NoteField
                  mt="md"
                  label={t("returns.field.note")}
                  text={[form.note, (v) => set("note", v)]}
                  error={at("note")}
                  data-testid="rma-note"
                />
              </Paper>
              <PhotoUpload
                photos={photos}
                onChange={(list) => {
                  setPhotos(list);
                  set(
                    "photoIds",
                    list.map((p) => p.id),
                  );
                }}
                error={at("photos")}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <VerdictPanel
                outcomes={checkInput && check.data ? check.data.eligibility.outcomes : []}
                policyVersion={check.data?.eligibility.policy_version}
                busy={check.isFetching}
              >
                {checkInput === null && (
                  <Text size="sm" c="dimmed" data-testid="rma-check-hint">
                    {t("returns.verdict_panel.hint")}
                  </Text>
                )}
                {checkInput && check.isError && (
                  <Alert color="orange" data-testid="rma-check-problems">
                    {checkProblems.length > 0 ? (
                      <List size="sm">
                        {checkProblems.map((m) => (
                          <List.Item key={m}>{m}</List.Item>
                        ))}
                      </List>
                    ) : (
                      errorMessage(t, check.error)
                    )}
                  </Alert>
                )}
                {checkInput && check.data && (
                  <Text size="sm" mb="xs" data-testid="rma-check-value">
                    {t("returns.verdict_panel.value", {
                      value: formatMoney(
                        check.data.value_minor,
                        check.data.currency,
                        i18n.language,
                      ),
                    })}
                  </Text>
                )}
              </VerdictPanel>
              <FormFooter
                problems={errors.other}
                problemsTestId="rma-form-errors"
                pending={mutation.isPending}
                submitLabel={t("returns.form.submit")}
                submitTestId="rma-submit"
                cancel
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
