import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { Carrier } from "../../backend/bindings/Carrier";
import type { ConditionRequirement } from "../../backend/bindings/ConditionRequirement";
import type { ReasonRule } from "../../backend/bindings/ReasonRule";
import type { ShippingPaidBy } from "../../backend/bindings/ShippingPaidBy";
import { call } from "../../backend/call";
import { FormFooter } from "../../components/forms/FormFooter";
import { useFormErrors } from "../../components/forms/formErrors";
import { PageHeader } from "../../components/page/PageHeader";
import { errorMessage } from "../../errors/apiError";
import { moneyParams } from "../../money";
import { keys } from "../../queries/keys";
import { useReturnPolicy } from "../../queries/lists";
import { CARRIERS } from "../reshipments/types";
import { mayConfigure } from "./actions";
import {
  fromReturnPolicyForm,
  NEW_CONDITION,
  NEW_REASON,
  type ReturnPolicyForm,
  toReturnPolicyForm,
} from "./policyForm";
import type { ReturnPolicy } from "./types";
import { reasonName } from "./verdict";

type Flag = "ignores_window" | "needs_evidence" | "customer_choice";
const REASON_FLAGS: Flag[] = ["ignores_window", "needs_evidence", "customer_choice"];
type Need = "original_packaging" | "unused" | "tags_attached";
const NEEDS: Need[] = ["original_packaging", "unused", "tags_attached"];

/** The backend's fields the form has an input for; errors of any other field show as sentences. */
const PLACED = new Set([
  "window_days",
  "auto_approve_max_minor",
  "unusual_return_rate_bps",
  "restocking_fee_bps",
  "refund_within_days",
  "store_credit_within_hours",
  "non_returnable_categories",
  "returns_centre.name",
  "returns_centre.address",
  "returns_centre.country",
  "label_carrier",
  "label_service",
  "parcel_grams",
  "handling_cost_minor",
  "label_postage_minor",
]);
const place = (field: string) =>
  PLACED.has(field) || /^(reasons\[\d+\]\.code|conditions\[\d+\]\.category)$/.test(field)
    ? field
    : null;

export function ReturnPolicyPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const query = useReturnPolicy();
  const [form, setForm] = useState<ReturnPolicyForm | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, clear, refused } = useFormErrors();
  useEffect(() => {
    if (query.data) setForm(toReturnPolicyForm(query.data, session.settings.currency));
  }, [query.data, session.settings.currency]);
  const mutation = useMutation({
    mutationFn: (policy: ReturnPolicy) => call("set_return_policy", policy),
    onSuccess: (policy) => {
      client.setQueryData(keys.returnPolicy, policy);
      clear();
      notifications.show({
        color: "teal",
        message: t("returns.policy.saved", { version: policy.version }),
      });
    },
    onError: (err) => refused(err, place),
  });
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  if (!form || !query.data) return <Loader />;
  const editable = mayConfigure(session.permissions);
  const currency = session.settings.currency;
  const at = (field: string) =>
    errors.at[field] ?? (local[field] ? t(local[field], moneyParams(currency)) : undefined);
  const set = <K extends keyof ReturnPolicyForm>(key: K, value: ReturnPolicyForm[K]) =>
    setForm({ ...form, [key]: value });
  const setReason = (i: number, patch: Partial<ReasonRule>) =>
    set(
      "reasons",
      form.reasons.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const setCondition = (i: number, patch: Partial<ConditionRequirement>) =>
    set(
      "conditions",
      form.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );
  const input = (
    key: keyof ReturnPolicyForm,
    field: string,
    label: string,
    hint?: string,
    testId = `policy-${field.replaceAll("_", "-")}`,
  ) => (
    <TextInput
      label={label}
      description={hint}
      value={String(form[key])}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      error={at(field)}
      data-testid={testId}
    />
  );

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader
        title={t("returns.policy.title")}
        subtitle={t("returns.policy.version", { version: form.version })}
        subtitleTestId="policy-version"
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const out = fromReturnPolicyForm(form, currency);
          if ("errors" in out) setLocal(out.errors);
          else {
            setLocal({});
            mutation.mutate(out.policy);
          }
        }}
      >
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Title order={5} mb="sm">
                {t("returns.policy.section_rules")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                {input("windowDays", "window_days", t("returns.policy.window_days"))}
                {input(
                  "autoApproveMax",
                  "auto_approve_max_minor",
                  t("returns.policy.auto_approve_max", { currency }),
                  t("returns.policy.auto_approve_hint"),
                )}
                {input(
                  "unusualRate",
                  "unusual_return_rate_bps",
                  t("returns.policy.unusual_rate"),
                  t("returns.policy.unusual_rate_hint"),
                )}
                {input(
                  "restockingFee",
                  "restocking_fee_bps",
                  t("returns.policy.restocking_fee"),
                  t("returns.policy.restocking_fee_hint"),
                )}
                {input("refundDays", "refund_within_days", t("returns.policy.refund_days"))}
                {input(
                  "creditHours",
                  "store_credit_within_hours",
                  t("returns.policy.credit_hours"),
                )}
              </SimpleGrid>
              <Checkbox
                mt="md"
                label={t("returns.policy.proof_required")}
                checked={form.proofRequired}
                onChange={(e) => set("proofRequired", e.currentTarget.checked)}
                data-testid="policy-proof"
              />
              <TagsInput
                mt="md"
                label={t("returns.policy.non_returnable")}
                description={t("returns.policy.non_returnable_hint")}
                value={form.nonReturnable}
                onChange={(v) => set("nonReturnable", v)}
                error={at("non_returnable_categories")}
                data-testid="policy-non-returnable"
              />
            </Paper>

            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={5}>{t("returns.policy.reasons")}</Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => set("reasons", [...form.reasons, { ...NEW_REASON }])}
                  data-testid="policy-reason-add"
                >
                  {t("returns.policy.add_reason")}
                </Button>
              </Group>
              <Table data-testid="policy-reasons">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("returns.policy.code")}</Table.Th>
                    <Table.Th>{t("returns.policy.shipping_paid_by")}</Table.Th>
                    {REASON_FLAGS.map((f) => (
                      <Table.Th key={f}>{t(`returns.policy.${f}`)}</Table.Th>
                    ))}
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.reasons.map((r, i) => (
                    // Rows are edited in place and only added at the end, so the index is stable.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Table.Tr key={i} data-testid="policy-reason-row">
                      <Table.Td>
                        <TextInput
                          value={r.code}
                          onChange={(e) => setReason(i, { code: e.currentTarget.value })}
                          error={at(`reasons[${i}].code`)}
                          description={r.code ? reasonName(t, r.code) : undefined}
                          aria-label={t("returns.policy.code")}
                          data-testid={`policy-reason-code-${i}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          value={r.shipping_paid_by}
                          onChange={(e) =>
                            setReason(i, {
                              shipping_paid_by: e.currentTarget.value as ShippingPaidBy,
                            })
                          }
                          data={[
                            { value: "us", label: t("returns.policy.paid_by_us") },
                            { value: "customer", label: t("returns.policy.paid_by_customer") },
                          ]}
                          aria-label={t("returns.policy.shipping_paid_by")}
                          data-testid={`policy-reason-paid-${i}`}
                        />
                      </Table.Td>
                      {REASON_FLAGS.map((f) => (
                        <Table.Td key={f}>
                          <Checkbox
                            checked={r[f]}
                            onChange={(e) => setReason(i, { [f]: e.currentTarget.checked })}
                            aria-label={t(`returns.policy.${f}`)}
                            data-testid={`policy-reason-${f.replaceAll("_", "-")}-${i}`}
                          />
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("returns.policy.remove")}
                          onClick={() =>
                            set(
                              "reasons",
                              form.reasons.filter((_, j) => j !== i),
                            )
                          }
                          data-testid={`policy-reason-remove-${i}`}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>

            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm">
                <Title order={5}>{t("returns.policy.conditions")}</Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => set("conditions", [...form.conditions, { ...NEW_CONDITION }])}
                  data-testid="policy-condition-add"
                >
                  {t("returns.policy.add_condition")}
                </Button>
              </Group>
              {form.conditions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("returns.policy.no_conditions")}
                </Text>
              ) : (
                <Table data-testid="policy-conditions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("returns.policy.category")}</Table.Th>
                      {NEEDS.map((n) => (
                        <Table.Th key={n}>{t(`returns.condition.${n}`)}</Table.Th>
                      ))}
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {form.conditions.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                      <Table.Tr key={i} data-testid="policy-condition-row">
                        <Table.Td>
                          <TextInput
                            value={c.category}
                            onChange={(e) => setCondition(i, { category: e.currentTarget.value })}
                            error={at(`conditions[${i}].category`)}
                            aria-label={t("returns.policy.category")}
                            data-testid={`policy-condition-category-${i}`}
                          />
                        </Table.Td>
                        {NEEDS.map((n) => (
                          <Table.Td key={n}>
                            <Checkbox
                              checked={c[n]}
                              onChange={(e) => setCondition(i, { [n]: e.currentTarget.checked })}
                              aria-label={t(`returns.condition.${n}`)}
                            />
                          </Table.Td>
                        ))}
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t("returns.policy.remove")}
                            onClick={() =>
                              set(
                                "conditions",
                                form.conditions.filter((_, j) => j !== i),
                              )
                            }
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>

            <Paper withBorder p="md" radius="md">
              <Title order={5} mb="sm">
                {t("returns.policy.section_labels")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {input("centreName", "returns_centre.name", t("returns.policy.centre_name"))}
                {input(
                  "centreCountry",
                  "returns_centre.country",
                  t("returns.policy.centre_country"),
                )}
                <Textarea
                  label={t("returns.policy.centre_address")}
                  description={t("returns.policy.centre_address_hint")}
                  autosize
                  minRows={3}
                  value={form.centreAddress}
                  onChange={(e) => set("centreAddress", e.currentTarget.value)}
                  error={at("returns_centre.address")}
                  data-testid="policy-centre-address"
                />
                <Stack gap="sm">
                  <NativeSelect
                    label={t("returns.policy.label_carrier")}
                    value={form.carrier}
                    onChange={(e) => set("carrier", e.currentTarget.value as Carrier)}
                    data={CARRIERS.map((c) => ({ value: c, label: t(`reshipment.carrier.${c}`) }))}
                    error={at("label_carrier")}
                    data-testid="policy-label-carrier"
                  />
                  {input("service", "label_service", t("returns.policy.label_service"))}
                  {input(
                    "parcelKg",
                    "parcel_grams",
                    t("returns.policy.parcel_kg"),
                    t("returns.policy.parcel_kg_hint"),
                  )}
                </Stack>
              </SimpleGrid>
            </Paper>

            <Paper withBorder p="md" radius="md" data-testid="policy-costs">
              <Title order={5}>{t("returns.policy.section_costs")}</Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t("returns.policy.section_costs_hint")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {input(
                  "handlingCost",
                  "handling_cost_minor",
                  t("returns.policy.handling_cost", { currency }),
                  t("returns.policy.handling_cost_hint"),
                  "policy-handling-cost",
                )}
                {input(
                  "labelPostage",
                  "label_postage_minor",
                  t("returns.policy.label_postage", { currency }),
                  t("returns.policy.label_postage_hint"),
                  "policy-label-postage",
                )}
              </SimpleGrid>
            </Paper>

            <FormFooter
              problems={errors.other}
              problemsTestId="policy-errors"
              pending={mutation.isPending}
              submitTestId="policy-save"
              editable={editable}
            />
          </Stack>
        </fieldset>
      </form>
    </Stack>
  );
}
