import {
  Alert,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { ApprovalPolicy } from "../../backend/bindings/ApprovalPolicy";
import { call } from "../../backend/call";
import { FormFooter } from "../../components/forms/FormFooter";
import { useFormErrors } from "../../components/forms/formErrors";
import { PageHeader } from "../../components/page/PageHeader";
import { TableHead } from "../../components/TableHead";
import { errorMessage } from "../../errors/apiError";
import { moneyParams } from "../../money";
import { keys } from "../../queries/keys";
import { useApprovalPolicy } from "../../queries/lists";
import { fromPolicyForm, type LimitRow, type PolicyForm, toPolicyForm } from "./policyForm";

export function ApprovalLimitsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const query = useApprovalPolicy();
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [bad, setBad] = useState<Record<string, string>>({});
  const { errors, clear, refused } = useFormErrors();
  useEffect(() => {
    if (query.data)
      setForm(toPolicyForm(query.data, query.data.currency || session.settings.currency));
  }, [query.data, session.settings.currency]);
  const mutation = useMutation({
    mutationFn: (policy: ApprovalPolicy) => call("set_approval_policy", policy),
    onSuccess: (policy) => {
      client.setQueryData(keys.approvalPolicy, policy);
      clear();
      notifications.show({ color: "teal", message: t("approval_limits.saved") });
    },
    onError: (err) => refused(err, () => null),
  });
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  if (!form || !query.data) return <Loader />;
  const currency = query.data.currency || session.settings.currency;
  const setRow = (i: number, patch: Partial<LimitRow>) =>
    setForm({ ...form, rows: form.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const badText = (key: string) => (bad[key] ? t(bad[key], moneyParams(currency)) : undefined);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t("approval_limits.title")}
        subtitle={t("approval_limits.intro", { currency })}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const out = fromPolicyForm(form, currency, query.data.settlements);
          if ("errors" in out) setBad(out.errors);
          else {
            setBad({});
            mutation.mutate(out.policy);
          }
        }}
      >
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Table data-testid="limits-table">
              <TableHead
                columns={[
                  t("approval_limits.role"),
                  t("approval_limits.may_approve"),
                  t("approval_limits.limit", { currency }),
                ]}
              />
              <Table.Tbody>
                {form.rows.map((row, i) => (
                  <Table.Tr key={row.role} data-testid="limit-row" data-role={row.role}>
                    <Table.Td>{t(`role.${row.role}`)}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        value={row.kind}
                        onChange={(e) =>
                          setRow(i, { kind: e.currentTarget.value as LimitRow["kind"] })
                        }
                        data={[
                          { value: "none", label: t("approval_limits.kind.none") },
                          { value: "limit", label: t("approval_limits.kind.limit") },
                          { value: "unlimited", label: t("approval_limits.kind.unlimited") },
                        ]}
                        data-testid={`limit-kind-${row.role}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      {row.kind === "limit" ? (
                        <TextInput
                          value={row.amount}
                          onChange={(e) => setRow(i, { amount: e.currentTarget.value })}
                          error={badText(`limit.${row.role}`)}
                          inputMode="decimal"
                          data-testid={`limit-amount-${row.role}`}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {row.kind === "unlimited" ? t("approval_limits.no_limit") : "—"}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Group grow align="flex-start">
              <TextInput
                label={t("approval_limits.dual", { currency })}
                description={t("approval_limits.dual_hint")}
                value={form.dual}
                onChange={(e) => setForm({ ...form, dual: e.currentTarget.value })}
                error={badText("dual")}
                data-testid="limits-dual"
              />
              <TextInput
                label={t("approval_limits.days")}
                description={t("approval_limits.days_hint")}
                value={form.days}
                onChange={(e) => setForm({ ...form, days: e.currentTarget.value })}
                error={badText("days")}
                data-testid="limits-days"
              />
            </Group>
          </Paper>
          <FormFooter
            problems={errors.other}
            pending={mutation.isPending}
            submitTestId="limits-save"
          />
        </Stack>
      </form>
    </Stack>
  );
}
