import { Alert, Modal, Stack, Text, Textarea } from "@mantine/core";
import { IconBarcode } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LotDetail } from "../../../backend/bindings/LotDetail";
import { call } from "../../../backend/call";
import { SubmitButtons } from "../../../components/forms/SubmitButtons";
import { ModalButton } from "../../../components/ModalButton";
import { Note } from "../../../components/Note";
import { Section } from "../../../components/Section";
import { SerialBadges } from "../../../components/SerialBadges";
import { errorMessage, fieldErrors } from "../../../errors/apiError";
import { refreshLotViews } from "../refresh";

/**
 * The serials typed or scanned into the box: a scanner ends each with Enter (or Tab), and a
 * serial has no spaces in it, so any run of white space separates two.
 */
export function serialsOf(text: string): string[] {
  return text.split(/\s+/).filter((s) => s !== "");
}

/** Serial numbers of a serial-tracked product's units in this lot, and recording more. */
export function LotSerials({ lot, mayRecord }: { lot: LotDetail; mayRecord: boolean }) {
  const { t } = useTranslation();
  if (!lot.serial_tracked && lot.serial_count === 0) return null;
  const more = lot.serial_count - lot.serials.length;
  return (
    <Section
      title={t("lots.serials.title", { count: lot.serial_count })}
      empty={t("lots.serials.empty")}
      isEmpty={lot.serial_count === 0}
      testId="lot-serials"
      actions={
        mayRecord &&
        lot.serial_tracked && (
          <ModalButton
            size="xs"
            label={t("lots.serials.record")}
            icon={<IconBarcode size={14} />}
            testId="lot-record-serials"
          >
            {(close) => <RecordSerialsModal lot={lot} onClose={close} />}
          </ModalButton>
        )
      }
    >
      <SerialBadges
        serials={lot.serials}
        gap={6}
        color={() => "gray"}
        keepCase
        testId="lot-serial"
      />
      {more > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t("lots.serials.more", { count: more })}
        </Text>
      )}
    </Section>
  );
}

function RecordSerialsModal({ lot, onClose }: { lot: LotDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const serials = serialsOf(text);
  const submit = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const detail = await call("record_serials", { lot_code: lot.lot_code, serials });
      client.setQueryData(["lot", lot.lot_code], detail);
      refreshLotViews(client);
      onClose();
    } catch (err) {
      // Each refused entry by the serial it is about, in the order typed.
      const fields = fieldErrors(t, err);
      const listed = Object.entries(fields).map(([field, message]) => {
        const at = /^serials\[(\d+)]$/.exec(field);
        const serial = at ? serials[Number(at[1])] : undefined;
        return serial ? `${serial}: ${message}` : message;
      });
      setErrors(listed.length > 0 ? listed : [errorMessage(t, err)]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("lots.serials.record_title", { lot: lot.lot_code })}>
      <Stack gap="sm">
        <Note>{t("lots.serials.record_intro", { qty: lot.qty, count: lot.serial_count })}</Note>
        <Textarea
          label={t("lots.serials.list")}
          autosize
          minRows={6}
          maxRows={14}
          ff="monospace"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="lot-serials-text"
          data-autofocus
        />
        {errors.length > 0 && (
          <Alert color="red" data-testid="lot-serials-error">
            <Stack gap={2}>
              {errors.map((e) => (
                <Text key={e} size="sm">
                  {e}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <SubmitButtons
          onCancel={onClose}
          onSubmit={() => void submit()}
          pending={busy}
          disabled={serials.length === 0}
          testId="lot-serials-submit"
          label={t("lots.serials.save", { count: serials.length })}
        />
      </Stack>
    </Modal>
  );
}
