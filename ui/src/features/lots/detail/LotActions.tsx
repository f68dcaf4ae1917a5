import { Button, Checkbox, Group, Select } from "@mantine/core";
import { IconArrowsTransferUp, IconLock, IconLockOpen } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import { TEXT_LIMITS } from "../../../backend/bindings/textLimits";
import { call } from "../../../backend/call";
import { PrintSaveButton } from "../../../components/PrintSaveButton";
import { holdActions, mayDo } from "../permissions";
import { refreshLotViews } from "../refresh";
import { holdLabel } from "./LotHolds";
import { NoteModal } from "./NoteModal";
import { RecallButton } from "./RecallButton";

type Step = "hold" | "release" | "move";

/** The lot's buttons: its label, hold and release (by role), and the recall scope. */
export function LotActions({
  lot,
  permissions,
  onRecallScope,
}: {
  lot: LotDetail;
  /** The session's permissions (`session.permissions`). */
  permissions: readonly string[];
  onRecallScope: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [modal, setModal] = useState<Step | null>(null);
  const [quarantine, setQuarantine] = useState(false);
  // One hold to lift, or every hold in force ("").
  const [holdRef, setHoldRef] = useState("");
  const steps = holdActions(lot.active_holds, permissions);
  const done = (detail: LotDetail) => {
    client.setQueryData(["lot", lot.lot_code], detail);
    refreshLotViews(client);
  };
  // A modal opens afresh: not quarantined, every hold to lift.
  const open = (step: Step) => {
    setQuarantine(false);
    setHoldRef("");
    setModal(step);
  };
  const stepButtons = [
    {
      step: "move",
      shown: mayDo("move", permissions) && lot.on_hand > 0,
      Icon: IconArrowsTransferUp,
    },
    { step: "hold", shown: steps.includes("hold"), Icon: IconLock },
    { step: "release", shown: steps.includes("release"), Icon: IconLockOpen },
  ] as const;
  return (
    <Group gap="xs">
      <PrintSaveButton
        make={{ act: "lot_labels", input: { lot_codes: [lot.lot_code], serials: [] } }}
        label={t("lots.actions.label")}
        saveLabel={t("lots.actions.label_save")}
        testId="lot-label"
      />
      {stepButtons
        .filter((b) => b.shown)
        .map(({ step, Icon }) => (
          <Button
            key={step}
            variant="default"
            leftSection={<Icon size={16} />}
            onClick={() => open(step)}
            data-testid={`lot-${step}`}
          >
            {t(`lots.actions.${step}`)}
          </Button>
        ))}
      <RecallButton variant="default" onClick={onRecallScope} data-testid="lot-recall-scope">
        {t("lots.recall.button")}
      </RecallButton>
      {modal === "hold" && (
        <NoteModal
          title={t("lots.actions.hold_title", { lot: lot.lot_code })}
          intro={t("lots.actions.hold_intro")}
          label={t("lots.actions.hold_reason")}
          field="reason"
          maxLength={TEXT_LIMITS.reason}
          submitLabel={t("lots.actions.hold")}
          color="red"
          testId="lot-hold"
          run={async (reason) =>
            done(await call("hold_lot", { lot_code: lot.lot_code, reason, quarantine }))
          }
          onClose={() => setModal(null)}
        >
          <Checkbox
            label={t("lots.actions.quarantine")}
            description={t("lots.actions.quarantine_hint")}
            checked={quarantine}
            onChange={(e) => setQuarantine(e.currentTarget.checked)}
            data-testid="lot-hold-quarantine"
          />
        </NoteModal>
      )}
      {modal === "move" && (
        <NoteModal
          title={t("lots.actions.move_title", { lot: lot.lot_code })}
          intro={t("lots.actions.move_intro", { location: lot.location ?? "—" })}
          label={t("lots.actions.move_to")}
          field="to_location"
          submitLabel={t("lots.actions.move")}
          testId="lot-move"
          singleLine
          run={async (to_location) =>
            done(await call("move_lot", { lot_code: lot.lot_code, to_location }))
          }
          onClose={() => setModal(null)}
        />
      )}
      {modal === "release" && (
        <NoteModal
          title={t("lots.actions.release_title", { lot: lot.lot_code })}
          intro={t("lots.actions.release_intro", { count: lot.active_holds })}
          label={t("lots.actions.release_note")}
          field="note"
          maxLength={TEXT_LIMITS.reason}
          submitLabel={t("lots.actions.release")}
          testId="lot-release"
          run={async (note) =>
            done(
              await call("release_hold", {
                lot_code: lot.lot_code,
                note,
                hold_ref: holdRef === "" ? null : holdRef,
              }),
            )
          }
          onClose={() => setModal(null)}
        >
          {lot.holds.length > 1 && (
            <Select
              label={t("lots.actions.release_which")}
              data={[
                { value: "", label: t("lots.actions.release_all", { count: lot.holds.length }) },
                ...lot.holds.map((h) => ({
                  value: h.hold_ref ?? "",
                  label: holdLabel(t, h),
                  disabled: h.hold_ref === null,
                })),
              ]}
              value={holdRef}
              onChange={(value) => setHoldRef(value ?? "")}
              allowDeselect={false}
              data-testid="lot-release-which"
            />
          )}
        </NoteModal>
      )}
    </Group>
  );
}
