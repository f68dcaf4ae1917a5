import {
  Alert,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { Carrier } from "../../backend/bindings/Carrier";
import { call } from "../../backend/call";
import { CheckField } from "../../components/forms/CheckField";
import { FormFooter } from "../../components/forms/FormFooter";
import { useFormErrors } from "../../components/forms/formErrors";
import { PageHeader } from "../../components/page/PageHeader";
import { errorMessage } from "../../errors/apiError";
import { moneyParams } from "../../money";
import { keys } from "../../queries/keys";
import { useReturnPolicy } from "../../queries/lists";
import { CarrierSelect } from "../reshipments/CarrierSelect";
import { mayConfigure } from "./actions";
import { ConditionRules, ReasonRules } from "./PolicyRules";
import { fromReturnPolicyForm, type ReturnPolicyForm, toReturnPolicyForm } from "./policyForm";
import type { ReturnPolicy } from "./types";

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
              <CheckField
                mt="md"
                label={t("returns.policy.proof_required")}
                flag={[form.proofRequired, (v) => set("proofRequired", v)]}
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

            <ReasonRules
              rows={form.reasons}
              onChange={(reasons) => set("reasons", reasons)}
              at={at}
            />
            <ConditionRules
              rows={form.conditions}
              onChange={(conditions) => set("conditions", conditions)}
              at={at}
            />

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
                  <CarrierSelect
                    label={t("returns.policy.label_carrier")}
                    value={form.carrier}
                    onChange={(e) => set("carrier", e.currentTarget.value as Carrier)}
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
