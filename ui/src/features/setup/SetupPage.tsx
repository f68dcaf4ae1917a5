import {
  Button,
  Checkbox,
  Container,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../backend/bindings/Language";
import type { Session } from "../../backend/bindings/Session";
import type { SetupStatus } from "../../backend/bindings/SetupStatus";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { bindFields, useDraft } from "../../components/forms/draft";
import { PageHeader } from "../../components/page/PageHeader";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import i18n, { LANGUAGES } from "../../i18n";
import { currencyCodes } from "../../money";
import { JoinTeam } from "./JoinTeam";

export function SetupPage({
  onDone,
  teamDesk = null,
}: {
  onDone: (session: Session) => void;
  /** The desk code when this desk already joined a team and waits for its data. */
  teamDesk?: string | null;
}) {
  const { t } = useTranslation();
  const [joining, setJoining] = useState(teamDesk !== null);
  // Boot asked for the status before showing this page: the zones and this computer's zone.
  const status = useQueryClient().getQueryData<SetupStatus>(["setup_status"]);
  const { draft: form, set } = useDraft({
    time_zone: status?.computer_time_zone ?? "",
    company_name: "",
    site_code: "",
    currency: "EUR",
    language: "en" as Language,
    admin_username: "",
    admin_display_name: "",
    admin_password: "",
    confirm: "",
    load_demo: true,
  });
  const [mismatch, setMismatch] = useState(false);
  const setup = useMutation({
    mutationFn: () => {
      const { confirm: _, ...input } = form;
      return call("complete_setup", { ...input, time_zone: input.time_zone || null });
    },
    onSuccess: onDone,
  });
  const errors = setup.error ? fieldErrors(t, setup.error) : {};
  const fields = bindFields({ draft: form, set }, errors, (key) => t(`setup.${key}`));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.admin_password !== form.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate();
  };

  return (
    <Container size={640} py={48}>
      <Stack gap="xs" mb="lg">
        <PageHeader title={t("setup.title")} />
        {!joining && (
          <>
            <Text c="dimmed">{t("setup.intro")}</Text>
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconUsersGroup size={16} />}
                onClick={() => setJoining(true)}
                data-testid="setup-join-team"
              >
                {t("sync.team.join.open")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {joining ? (
        <JoinTeam teamDesk={teamDesk} onBack={() => setJoining(false)} />
      ) : (
        <Paper withBorder p="xl" radius="md" component="form" onSubmit={submit}>
          <Stack>
            <Title order={4}>{t("setup.company_section")}</Title>
            <TextInput
              data-testid="setup-company"
              {...fields.text("company_name")}
              maxLength={TEXT_LIMITS.name}
              required
              autoFocus
            />
            <SimpleGrid cols={3}>
              <TextInput
                data-testid="setup-site"
                {...fields.text("site_code")}
                onChange={(e) => set("site_code", e.currentTarget.value.toUpperCase())}
                description={t("setup.site_code_hint")}
                maxLength={6}
                required
              />
              <NativeSelect
                data-testid="setup-currency"
                {...fields.text("currency")}
                data={currencyCodes()}
              />
              <NativeSelect
                data-testid="setup-language"
                label={t("setup.language")}
                data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
                value={form.language}
                onChange={(e) => {
                  set("language", e.currentTarget.value as Language);
                  void i18n.changeLanguage(e.currentTarget.value);
                }}
              />
            </SimpleGrid>
            <Select
              data-testid="setup-time-zone"
              label={t("setup.time_zone")}
              description={t("setup.time_zone_hint")}
              data={status?.time_zones ?? []}
              value={form.time_zone || null}
              onChange={(zone) => zone && set("time_zone", zone)}
              searchable
              limit={50}
              allowDeselect={false}
              error={errors.time_zone}
            />
            <Title order={4} mt="md">
              {t("setup.admin_section")}
            </Title>
            <SimpleGrid cols={2}>
              <TextInput
                data-testid="setup-admin-username"
                {...fields.text("admin_username")}
                required
              />
              <TextInput
                data-testid="setup-admin-name"
                {...fields.text("admin_display_name")}
                maxLength={TEXT_LIMITS.name}
                required
              />
              <PasswordInput
                data-testid="setup-admin-password"
                {...fields.text("admin_password")}
                description={t("setup.password_hint")}
                required
              />
              <PasswordInput
                data-testid="setup-admin-password2"
                {...fields.text("confirm", "confirm_password")}
                error={mismatch ? t("setup.passwords_differ") : undefined}
                required
              />
            </SimpleGrid>
            <Checkbox
              data-testid="setup-demo"
              mt="sm"
              label={t("setup.load_demo")}
              description={t("setup.load_demo_hint")}
              checked={form.load_demo}
              onChange={(e) => set("load_demo", e.currentTarget.checked)}
            />
            {setup.isError && Object.keys(errors).length === 0 && (
              <Text c="red">{errorMessage(t, setup.error)}</Text>
            )}
            <Group justify="flex-end" mt="md">
              <Button data-testid="setup-submit" type="submit" loading={setup.isPending} size="md">
                {t("setup.submit")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
