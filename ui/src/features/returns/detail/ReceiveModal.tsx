import { Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttachmentView } from "../../../backend/bindings/AttachmentView";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal } from "../../../components/actions/ActionModal";
import { useRmaAction } from "../../../components/actions/useRecordAction";
import { TableHead } from "../../../components/TableHead";
import { PhotoUpload } from "../PhotoUpload";
import {
  type Answer,
  INTAKE_UNANSWERED,
  type IntakeChecks,
  type IntakeForm,
  toIntakeChecks,
} from "../stepForms";
import { type ConditionGrade, GRADES, type RmaDetail } from "../types";

type Props = { detail: RmaDetail; onClose: () => void };

export function ReceiveModal({ detail, onClose }: Props) {
  const { t } = useTranslation();
  const lines = detail.opening.lines;
  const [qty, setQty] = useState<string[]>(lines.map((l) => String(l.qty)));
  const [intake, setIntake] = useState<IntakeForm>(INTAKE_UNANSWERED);
  const [unanswered, setUnanswered] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<AttachmentView[]>([]);
  const [note, setNote] = useState("");
  const [bad, setBad] = useState<number[]>([]);
  const { mutation, errors } = useRmaAction(
    ({ qtyReceived, checks }: { qtyReceived: number[]; checks: IntakeChecks }) =>
      call("receive_rma", {
        rma_no: detail.rma_no,
        qty_received: qtyReceived,
        // One grade for every line; the backend takes a grade per line when one is given.
        intake: {
          ...checks,
          line_grades: [],
          photo_ids: photos.map((p) => p.id),
          note: note.trim(),
        },
      }),
    onClose,
    (f) => f.startsWith("qty_received") || f === "note",
  );
  return (
    <ActionModal
      title={t("returns.action.receive")}
      size="lg"
      onClose={onClose}
      onSubmit={() => {
        const parsed = qty.map((q) => (/^\d+$/.test(q.trim()) ? Number(q.trim()) : null));
        const wrong = parsed.flatMap((q, i) => (q === null ? [i] : []));
        setBad(wrong);
        const answered = toIntakeChecks(intake);
        setUnanswered("errors" in answered ? answered.errors : {});
        if (wrong.length === 0 && "checks" in answered)
          mutation.mutate({ qtyReceived: parsed.map((q) => q ?? 0), checks: answered.checks });
      }}
      pending={mutation.isPending}
      submitTestId="rma-receive-submit"
      submitLabel={t("returns.action.receive")}
    >
      <Stack gap="sm">
        <Table data-testid="rma-receive-lines">
          <TableHead
            columns={[
              t("returns.field.sku"),
              { label: t("returns.field.qty"), right: true },
              t("returns.field.received"),
            ]}
          />
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={`${line.order_no}-${line.line_no}`}>
                <Table.Td>{line.sku}</Table.Td>
                <Table.Td ta="right">{line.qty}</Table.Td>
                <Table.Td>
                  <TextInput
                    w={90}
                    inputMode="numeric"
                    value={qty[i] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setQty((q) => q.map((x, j) => (j === i ? value : x)));
                    }}
                    error={
                      errors[`qty_received[${i}]`] ??
                      (bad.includes(i) ? t("returns.form.bad_qty") : undefined)
                    }
                    aria-label={t("returns.field.received")}
                    data-testid={`rma-receive-qty-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.qty_received && (
          <Text c="red" size="sm">
            {errors.qty_received}
          </Text>
        )}
        <Group grow align="flex-start">
          {(
            [
              ["packaging", "returns.intake.packaging_intact", "rma-receive-packaging"],
              ["accessories", "returns.intake.accessories_complete", "rma-receive-accessories"],
              ["serials", "returns.intake.serials_match", "rma-receive-serials"],
            ] as const
          ).map(([key, label, testId]) => (
            <NativeSelect
              key={key}
              label={t(label)}
              value={intake[key]}
              onChange={(e) => {
                // Read now: React clears the event's target before a state updater runs.
                const answer = e.currentTarget.value as Answer;
                setIntake((f) => ({ ...f, [key]: answer }));
              }}
              data={[
                { value: "", label: t("returns.form.choose_option"), disabled: true },
                { value: "yes", label: t("returns.form.yes") },
                { value: "no", label: t("returns.form.no") },
              ]}
              error={unanswered[key] ? t(unanswered[key]) : undefined}
              // An asterisk, not the browser's own check: the message is ours, in the user's language.
              withAsterisk
              data-testid={testId}
            />
          ))}
        </Group>
        <NativeSelect
          label={t("returns.intake.grade")}
          value={intake.grade}
          onChange={(e) => {
            const grade = e.currentTarget.value as ConditionGrade;
            setIntake((f) => ({ ...f, grade }));
          }}
          data={[
            { value: "", label: t("returns.form.choose_option"), disabled: true },
            ...GRADES.map((g) => ({ value: g, label: t(`returns.grade.${g}`) })),
          ]}
          error={unanswered.grade ? t(unanswered.grade) : undefined}
          withAsterisk
          data-testid="rma-receive-grade"
        />
        <Textarea
          label={t("returns.field.note")}
          maxLength={TEXT_LIMITS.reason}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          data-testid="rma-receive-note"
        />
        <PhotoUpload photos={photos} onChange={setPhotos} />
      </Stack>
    </ActionModal>
  );
}
