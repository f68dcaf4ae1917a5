import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TEAM_STATUS } from "../../app/liveData";
import type { ConflictView } from "../../backend/bindings/ConflictView";
import type { WayOut } from "../../backend/bindings/WayOut";
import { call } from "../../backend/call";
import type { Closing } from "../../components/actions/ActionModal";
import { FormModal, useFormSave } from "../../components/FormModal";
import { NoteField } from "../../components/forms/NoteField";
import { CONFLICTS, OPEN_COUNT } from "./queries";

/** Asks for the note a way out needs (optional for the others), then resolves. */
export function ResolveModal({
  conflict,
  way,
  onClose,
}: { conflict: ConflictView; way: WayOut } & Closing) {
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
      <NoteField
        label={t("conflicts.note")}
        description={
          way.needs_note ? t("conflicts.note_required_hint") : t("conflicts.note_optional_hint")
        }
        required={way.needs_note}
        autosize
        minRows={3}
        text={[note, setNote]}
        error={errors.note}
        data-testid="resolve-note"
      />
    </FormModal>
  );
}
