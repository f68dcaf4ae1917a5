import {
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FailureChanges } from "../../../backend/bindings/FailureChanges";
import type { FailureDetail } from "../../../backend/bindings/FailureDetail";
import type { InspectionInput } from "../../../backend/bindings/InspectionInput";
import type { Severity } from "../../../backend/bindings/Severity";
import type { Stage } from "../../../backend/bindings/Stage";
import type { Team } from "../../../backend/bindings/Team";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { ActionModal, type Closing } from "../../../components/actions/ActionModal";
import { useFailureAction } from "../../../components/actions/useRecordAction";
import { codeOptions } from "../../../components/codeOptions";
import { bindFields } from "../../../components/forms/draft";
import { NoteField } from "../../../components/forms/NoteField";
import { useCategories } from "../../../queries/lists";
import { categoryName } from "../categoryName";
import { SEVERITIES, STAGES, TEAMS } from "../FailureFormPage";

type Draft = {
  description: string;
  qty_inspected: number;
  qty_failed: number;
  category_code: string;
  severity: Severity;
  lot_code: string;
  stage: Stage;
  owner_team: Team;
  serials: string[];
};

const draftOf = (f: FailureDetail): Draft => ({
  description: f.description,
  qty_inspected: f.qty_inspected,
  qty_failed: f.qty_failed,
  category_code: f.category_code,
  severity: f.severity,
  lot_code: f.lot_code ?? "",
  stage: f.stage,
  owner_team: f.owner_team,
  serials: f.serials,
});

/** The AQL record's figures a recount may change; the plan's level and AQLs stay as logged. */
type Figures = Pick<
  InspectionInput,
  "lot_size" | "defects_critical" | "defects_major" | "defects_minor"
>;
const FIGURES = ["lot_size", "defects_critical", "defects_major", "defects_minor"] as const;

const figuresOf = (f: FailureDetail): Figures | null =>
  f.inspection
    ? {
        lot_size: f.inspection.input.lot_size,
        defects_critical: f.inspection.input.defects_critical,
        defects_major: f.inspection.input.defects_major,
        defects_minor: f.inspection.input.defects_minor,
      }
    : null;

/** The inspection as corrected, when a figure changed; the backend evaluates it again. */
export function inspectionChange(
  failure: FailureDetail,
  figures: Figures | null,
): InspectionInput | null {
  const before = figuresOf(failure);
  if (!failure.inspection || !before || !figures) return null;
  const changed = FIGURES.some((k) => before[k] !== figures[k]);
  return changed ? { ...failure.inspection.input, ...figures } : null;
}

/** Only the fields the user changed: a correction records what changed, never a full rewrite. */
export function changesOf(before: Draft, after: Draft): FailureChanges {
  const pick = <K extends keyof Draft>(key: K): Draft[K] | null =>
    JSON.stringify(before[key]) === JSON.stringify(after[key]) ? null : after[key];
  return {
    description: pick("description"),
    qty_inspected: pick("qty_inspected"),
    qty_failed: pick("qty_failed"),
    category_code: pick("category_code"),
    severity: pick("severity"),
    lot_code: pick("lot_code"),
    stage: pick("stage"),
    owner_team: pick("owner_team"),
    serials: pick("serials"),
  };
}

export function CorrectionModal({ failure, onClose }: { failure: FailureDetail } & Closing) {
  const { t, i18n } = useTranslation();
  const original = draftOf(failure);
  const [draft, setDraft] = useState<Draft>(original);
  const [figures, setFigures] = useState<Figures | null>(figuresOf(failure));
  const [reason, setReason] = useState("");
  const categories = useCategories();
  const { mutation, errors } = useFailureAction(
    () =>
      call("correct_failure", {
        failure_no: failure.failure_no,
        reason,
        changes: withInspection(changesOf(original, draft), inspectionChange(failure, figures)),
      }),
    onClose,
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const f = bindFields({ draft, set }, errors, (key) => t(`failure.field.${key}`));
  // A count stays a whole number: an emptied box counts as 0, as the backend would refuse "".
  const count = (name: "qty_inspected" | "qty_failed") => ({
    label: t(`failure.field.${name}`),
    min: 1,
    value: draft[name],
    onChange: (v: number | string) => set(name, Number(v) || 0),
    error: errors[name],
  });
  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.active || c.code === failure.category_code)
    .map((c) => ({ value: c.code, label: categoryName(c, i18n.language) }));

  return (
    <ActionModal
      title={t("failure_detail.correct_title", { no: failure.failure_no })}
      size="xl"
      onClose={onClose}
      mutation={mutation}
      submitTestId="correct-submit"
      submitLabel={t("failure_detail.save_correction")}
    >
      <Stack gap="sm">
        <NoteField
          label={t("failure.field.description")}
          max={TEXT_LIMITS.note}
          text={[draft.description, (v) => set("description", v)]}
          error={errors.description}
          autosize
          minRows={3}
          data-testid="correct-description"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput {...count("qty_inspected")} />
          <NumberInput {...count("qty_failed")} />
          <TextInput {...f.text("lot_code")} />
          <NativeSelect {...f.text("category_code", "category")} data={categoryOptions} />
          <NativeSelect
            {...f.text("severity")}
            data={codeOptions(t, SEVERITIES, "failure.severity")}
          />
          <NativeSelect {...f.text("stage")} data={codeOptions(t, STAGES, "failure.stage")} />
          <NativeSelect {...f.text("owner_team")} data={codeOptions(t, TEAMS, "team")} />
        </SimpleGrid>
        {figures && (
          <Stack gap={4} data-testid="correct-inspection">
            <Title order={5}>{t("aql.title")}</Title>
            <Text size="sm" c="dimmed">
              {t("failure_detail.correct_inspection_hint")}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              {FIGURES.map((key) => (
                <NumberInput
                  key={key}
                  label={
                    key === "lot_size"
                      ? t("aql.lot_size")
                      : t("aql.found_for", {
                          severity: t(`failure.severity.${key.replace("defects_", "")}`),
                        })
                  }
                  min={key === "lot_size" ? 1 : 0}
                  value={figures[key]}
                  onChange={(v) => setFigures((f) => (f ? { ...f, [key]: Number(v) || 0 } : f))}
                  error={errors[`inspection.${key}`]}
                  data-testid={`correct-${key}`}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <TagsInput
          label={t("failure.field.serials")}
          value={draft.serials}
          onChange={(v) => set("serials", v)}
          error={errors.serials}
          splitChars={[",", " ", ";"]}
        />
        <NoteField
          label={t("failure_detail.correct_reason")}
          description={t("failure_detail.correct_reason_hint")}
          text={[reason, setReason]}
          error={errors.reason}
          required
          autosize
          minRows={2}
          data-testid="correct-reason"
        />
      </Stack>
    </ActionModal>
  );
}

function withInspection(
  changes: FailureChanges,
  inspection: InspectionInput | null,
): FailureChanges {
  return inspection ? { ...changes, inspection } : changes;
}
