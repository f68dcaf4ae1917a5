import { Checkbox, NativeSelect, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ConditionRequirement } from "../../backend/bindings/ConditionRequirement";
import type { ReasonRule } from "../../backend/bindings/ReasonRule";
import type { ShippingPaidBy } from "../../backend/bindings/ShippingPaidBy";
import { patchRow, RemoveRowButton, RowsCard } from "../../components/forms/RowsCard";
import { TableHead } from "../../components/TableHead";
import { NEW_CONDITION, NEW_REASON } from "./policyForm";
import { reasonName } from "./verdict";

type Flag = "ignores_window" | "needs_evidence" | "customer_choice";
const REASON_FLAGS: Flag[] = ["ignores_window", "needs_evidence", "customer_choice"];

type Need = "original_packaging" | "unused" | "tags_attached";
const NEEDS: Need[] = ["original_packaging", "unused", "tags_attached"];

type Rules<T> = {
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The error at a field of the policy, by the backend's field name. */
  at: (field: string) => string | undefined;
};

/** The return reasons the policy knows: who pays the way back, and what each reason allows. */
export function ReasonRules({ rows, onChange, at }: Rules<ReasonRule>) {
  const { t } = useTranslation();
  const setReason = (i: number, patch: Partial<ReasonRule>) => onChange(patchRow(rows, i, patch));
  return (
    <RowsCard
      title={t("returns.policy.reasons")}
      addLabel={t("returns.policy.add_reason")}
      addTestId="policy-reason-add"
      onAdd={() => onChange([...rows, { ...NEW_REASON }])}
    >
      <Table data-testid="policy-reasons">
        <TableHead
          columns={[
            t("returns.policy.code"),
            t("returns.policy.shipping_paid_by"),
            ...REASON_FLAGS.map((f) => t(`returns.policy.${f}`)),
            "",
          ]}
        />
        <Table.Tbody>
          {rows.map((r, i) => (
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
                    setReason(i, { shipping_paid_by: e.currentTarget.value as ShippingPaidBy })
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
                <RemoveRowButton
                  label={t("returns.policy.remove")}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  testId={`policy-reason-remove-${i}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </RowsCard>
  );
}

/** The condition a returned item of a category must be in. */
export function ConditionRules({ rows, onChange, at }: Rules<ConditionRequirement>) {
  const { t } = useTranslation();
  const setCondition = (i: number, patch: Partial<ConditionRequirement>) =>
    onChange(patchRow(rows, i, patch));
  return (
    <RowsCard
      title={t("returns.policy.conditions")}
      addLabel={t("returns.policy.add_condition")}
      addTestId="policy-condition-add"
      onAdd={() => onChange([...rows, { ...NEW_CONDITION }])}
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("returns.policy.no_conditions")}
        </Text>
      ) : (
        <Table data-testid="policy-conditions">
          <TableHead
            columns={[
              t("returns.policy.category"),
              ...NEEDS.map((n) => t(`returns.condition.${n}`)),
              "",
            ]}
          />
          <Table.Tbody>
            {rows.map((c, i) => (
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
                  <RemoveRowButton
                    label={t("returns.policy.remove")}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </RowsCard>
  );
}
