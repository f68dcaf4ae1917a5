import { Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEAM_STATUS } from "../../app/liveData";
import type { ConflictView } from "../../backend/bindings/ConflictView";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import type { WayOut } from "../../backend/bindings/WayOut";
import { call } from "../../backend/call";
import { FormModal, useFormSave } from "../../components/FormModal";
import { CONFLICTS, OPEN_COUNT } from "./queries";

/** Asks for the note a way out needs (optional for the others), then resolves. */
export function ResolveModal({
  conflict,
  way,
  onClose,
}: {
  conflict: ConflictView;
  way: WayOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const { save, errors } = useFormSave({
    act: () =>
      call("resolve_conflict", {
        conflict_key: conflict.conflict_key,
        resolution: way.resolution,
        note,
      }),
    // The Team sync page counts open conflicts too.
    refresh: [CONFLICTS[0], OPEN_COUNT[0], TEAM_STATUS[0]],
    saved: () => t("conflicts.resolved_notice"),
    onClose,
  });
  return (
    <FormModal
      title={t(`conflicts.way.${way.resolution}.label`)}
      intro={t(`conflicts.way.${way.resolution}.explain`)}
      save={save}
      saveTestId="resolve-save"
      onClose={onClose}
    >
      <Textarea
        label={t("conflicts.note")}
        maxLength={TEXT_LIMITS.reason}
        description={
          way.needs_note ? t("conflicts.note_required_hint") : t("conflicts.note_optional_hint")
        }
        required={way.needs_note}
        autosize
        minRows={3}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        data-testid="resolve-note"
      />
    </FormModal>
  );
}
