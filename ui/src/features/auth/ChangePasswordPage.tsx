import { Button, Center, Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Note } from "../../components/Note";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { type HeldSessionProps, signOut } from "./heldSession";

/**
 * Right after a sign-in whose password must change (an administrator reset it, or it falls
 * short of the rules): nothing else of the app is reachable, and the backend refuses every
 * other act, until the person has chosen a new one or signs out.
 */
export function ChangePasswordPage({ session, onDone }: HeldSessionProps) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} data-testid="change-password-page">
        <Stack>
          <div>
            <Title order={2} data-testid="page-title">
              {t("auth.change_password_title")}
            </Title>
            <Note>{t("auth.change_password_required", { name: session.user.display_name })}</Note>
          </div>
          <ChangePasswordForm
            onChanged={onDone}
            extraActions={
              <Button
                variant="default"
                onClick={() => void signOut(onDone)}
                data-testid="change-password-sign-out"
              >
                {t("menu.sign_out")}
              </Button>
            }
          />
        </Stack>
      </Paper>
    </Center>
  );
}
