import { Alert, List } from "@mantine/core";

import { SubmitButtons } from "./SubmitButtons";

/**
 * The foot of a page's form: the save's errors that belong to no field, then (when the page
 * has somewhere to go back to) Cancel, and the submit button.
 */
export function FormFooter({
  problems,
  problemsTestId,
  pending,
  submitLabel,
  submitTestId,
  cancel = false,
  editable = true,
}: {
  problems: string[];
  problemsTestId?: string;
  pending: boolean;
  /** Save when not given. */
  submitLabel?: string;
  submitTestId: string;
  /** Offer Cancel, which goes back to where the user came from. */
  cancel?: boolean;
  /** False when the user may only read the form: no buttons then. */
  editable?: boolean;
}) {
  return (
    <>
      {problems.length > 0 && (
        <Alert color="red" data-testid={problemsTestId}>
          <List size="sm">
            {problems.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {editable && (
        <SubmitButtons
          onCancel={cancel ? () => window.history.back() : undefined}
          pending={pending}
          label={submitLabel}
          testId={submitTestId}
        />
      )}
    </>
  );
}
