import { Modal, Text, Textarea } from "@mantine/core";
import type { ReactNode } from "react";
import { useState } from "react";
import { FrameForm, type SubmitSpec } from "../forms/SubmitButtons";
import { type RecordDetails, type RecordKind, useRecordAction } from "./useRecordAction";

/** What every step's modal is given: how to close it, when done or dismissed. */
export type Closing = { onClose: () => void };

/** A step's submit button always has a test id: the e2e flows press it. */
type Submit = SubmitSpec & { submitTestId: string };

/**
 * One step of a record in a modal: its fields, then Cancel and the submit button. Enter in a
 * field submits, as the form's own submit.
 */
export function ActionModal({
  title,
  intro,
  size,
  onClose,
  mutation,
  onSubmit = () => mutation?.mutate(undefined),
  pending = mutation?.isPending ?? false,
  children,
  ...spec
}: Submit & {
  title: string;
  /** What the step is for, above its fields. */
  intro?: ReactNode;
  size?: string;
  onClose: () => void;
  children: ReactNode;
} & (
    | { onSubmit: () => void; pending: boolean; mutation?: never }
    /** A step whose submit runs `mutation` as it is, with no input. */
    | {
        mutation: { mutate: (input: undefined) => void; isPending: boolean };
        onSubmit?: never;
        pending?: never;
      }
  )) {
  return (
    <Modal opened onClose={onClose} title={title} size={size}>
      <FrameForm spec={spec} onClose={onClose} onSubmit={onSubmit} pending={pending}>
        {intro && (
          <Text size="sm" c="dimmed" mb="sm">
            {intro}
          </Text>
        )}
        {children}
      </FrameForm>
    </Modal>
  );
}

/**
 * A step that asks for one text (a reason, a note, a comment) and sends it as `field`. The
 * error of `field` stands under the text; on an RMA, errors of other fields go to a notification.
 */
export function TextStepModal<K extends RecordKind>({
  record,
  run,
  field,
  onClose,
  title,
  size,
  intro,
  label,
  description,
  required,
  maxLength,
  minRows,
  textTestId,
  ...submit
}: Submit & {
  record: K;
  run: (text: string) => Promise<RecordDetails[K]>;
  field: string;
  onClose: () => void;
  title: string;
  size?: string;
  /** What the step means, above the text. */
  intro?: string;
  label: string;
  description?: string;
  required?: boolean;
  maxLength?: number;
  /** Grows with its text from this many rows; a fixed box when not given. */
  minRows?: number;
  textTestId?: string;
}) {
  const [text, setText] = useState("");
  const { mutation, errors } = useRecordAction(
    record,
    () => run(text),
    onClose,
    record === "rma" ? (f) => f === field : undefined,
  );
  return (
    <ActionModal
      title={title}
      size={size}
      onClose={onClose}
      onSubmit={() => mutation.mutate(undefined)}
      pending={mutation.isPending}
      {...submit}
    >
      {intro && (
        <Text size="sm" mb="sm">
          {intro}
        </Text>
      )}
      <Textarea
        label={label}
        description={description}
        maxLength={maxLength}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors[field]}
        required={required}
        autosize={minRows !== undefined}
        minRows={minRows}
        data-testid={textTestId}
      />
    </ActionModal>
  );
}
