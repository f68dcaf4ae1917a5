import { Button, PasswordInput, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../errors/apiError";

/** The password a person signs in or unlocks with. */
export function PasswordField({
  value,
  onChange,
  testId,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      data-testid={testId}
      label={t("auth.password")}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoFocus={autoFocus}
      required
    />
  );
}

/** Why signing in (or unlocking) was refused, then the button that tries it. */
export function SubmitWithError({
  attempt,
  testId,
  label,
}: {
  attempt: { isError: boolean; error: unknown; isPending: boolean };
  /** `${testId}-error` and `${testId}-submit` name the two. */
  testId: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {attempt.isError && (
        <Text c="red" size="sm" data-testid={`${testId}-error`}>
          {errorMessage(t, attempt.error)}
        </Text>
      )}
      <Button data-testid={`${testId}-submit`} type="submit" loading={attempt.isPending}>
        {label}
      </Button>
    </>
  );
}
