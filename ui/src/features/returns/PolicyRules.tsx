import { Checkbox, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ConditionRequirement } from "../../backend/bindings/ConditionRequirement";
import type { ReasonRule } from "../../backend/bindings/ReasonRule";
import type { ShippingPaidBy } from "../../backend/bindings/ShippingPaidBy";
import { patchRow, RemoveRowButton, RowsCard } from "../../components/forms/RowsCard";
import { LineInput, LineSelect } from "../../components/orderLines/OrderLineCells";
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

/**
 * A card of one kind of rule, with a button that adds a `blank` one, and its table (or `empty`
 * while there are none): a row each, edited in place, of the leading cells (what the rule is
 * for), a checkbox for each of its yes/no rules, and a button that removes it.
 */
function RulesCard<T extends Record<F, boolean>, F extends string>({
  kind,
  blank,
  empty,
  rows,
  onChange,
  columns,
  lead,
  flags,
  flagLabel,
  flagTestId,
  removeTestId,
}: {
  /** Names the card's words (`returns.policy.reasons`) and test ids (`policy-reason-row`). */
  kind: "reason" | "condition";
  blank: T;
  empty?: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The headers of the leading cells. */
  columns: string[];
  lead: (row: T, i: number) => ReactNode;
  flags: F[];
  flagLabel: (flag: F) => string;
  flagTestId?: (flag: F, i: number) => string;
  removeTestId?: (i: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <RowsCard
      title={t(`returns.policy.${kind}s`)}
      addLabel={t(`returns.policy.add_${kind}`)}
      addTestId={`policy-${kind}-add`}
      onAdd={() => onChange([...rows, { ...blank }])}
    >
      {rows.length === 0 && empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table data-testid={`policy-${kind}s`}>
          <TableHead columns={[...columns, ...flags.map(flagLabel), ""]} />
          <Table.Tbody>
            {rows.map((row, i) => (
              // Rows are edited in place and only added at the end, so the index is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={i} data-testid={`policy-${kind}-row`}>
                {lead(row, i)}
                {flags.map((f) => (
                  <Table.Td key={f}>
                    <Checkbox
                      checked={row[f]}
                      onChange={(e) =>
                        onChange(patchRow(rows, i, { [f]: e.currentTarget.checked } as Partial<T>))
                      }
                      aria-label={flagLabel(f)}
                      data-testid={flagTestId?.(f, i)}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <RemoveRowButton
                    label={t("returns.policy.remove")}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    testId={removeTestId?.(i)}
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

/** The return reasons the policy knows: who pays the way back, and what each reason allows. */
export function ReasonRules({ rows, onChange, at }: Rules<ReasonRule>) {
  const { t } = useTranslation();
  const setReason = (i: number, patch: Partial<ReasonRule>) => onChange(patchRow(rows, i, patch));
  return (
    <RulesCard
      kind="reason"
      blank={NEW_REASON}
      rows={rows}
      onChange={onChange}
      columns={[t("returns.policy.code"), t("returns.policy.shipping_paid_by")]}
      lead={(r, i) => (
        <>
          <LineInput
            value={r.code}
            onChange={(code) => setReason(i, { code })}
            error={at(`reasons[${i}].code`)}
            description={r.code ? reasonName(t, r.code) : undefined}
            label={t("returns.policy.code")}
            testId={`policy-reason-code-${i}`}
          />
          <LineSelect
            value={r.shipping_paid_by}
            onChange={(paid: ShippingPaidBy) => setReason(i, { shipping_paid_by: paid })}
            data={[
              { value: "us", label: t("returns.policy.paid_by_us") },
              { value: "customer", label: t("returns.policy.paid_by_customer") },
            ]}
            label={t("returns.policy.shipping_paid_by")}
            testId={`policy-reason-paid-${i}`}
          />
        </>
      )}
      flags={REASON_FLAGS}
      flagLabel={(f) => t(`returns.policy.${f}`)}
      flagTestId={(f, i) => `policy-reason-${f.replaceAll("_", "-")}-${i}`}
      removeTestId={(i) => `policy-reason-remove-${i}`}
    />
  );
}

/** The condition a returned item of a category must be in. */
export function ConditionRules({ rows, onChange, at }: Rules<ConditionRequirement>) {
  const { t } = useTranslation();
  return (
    <RulesCard
      kind="condition"
      empty={t("returns.policy.no_conditions")}
      blank={NEW_CONDITION}
      rows={rows}
      onChange={onChange}
      columns={[t("returns.policy.category")]}
      lead={(c, i) => (
        <LineInput
          value={c.category}
          onChange={(category) => onChange(patchRow(rows, i, { category }))}
          error={at(`conditions[${i}].category`)}
          label={t("returns.policy.category")}
          testId={`policy-condition-category-${i}`}
        />
      )}
      flags={NEEDS}
      flagLabel={(n) => t(`returns.condition.${n}`)}
    />
  );
}
