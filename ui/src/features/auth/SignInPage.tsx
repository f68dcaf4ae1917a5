import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import type { Session } from "../../backend/bindings/Session";
import { SignInFields } from "./SignInFields";

export function SignInPage({
  companyName,
  onSignedIn,
}: {
  companyName: string | null;
  onSignedIn: (session: Session) => void;
}) {
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <Stack>
          <div>
            <Title order={2} data-testid="page-title">
              Lotline
            </Title>
            <Text c="dimmed">{companyName ?? ""}</Text>
          </div>
          <SignInFields onSignedIn={onSignedIn} />
        </Stack>
      </Paper>
    </Center>
  );
}
