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
  const [form, setForm] = useState({
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
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));

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
              label={t("setup.company_name")}
              maxLength={TEXT_LIMITS.name}
              value={form.company_name}
              onChange={(e) => set("company_name")(e.currentTarget.value)}
              error={errors.company_name}
              required
              autoFocus
            />
            <SimpleGrid cols={3}>
              <TextInput
                data-testid="setup-site"
                label={t("setup.site_code")}
                description={t("setup.site_code_hint")}
                value={form.site_code}
                onChange={(e) => set("site_code")(e.currentTarget.value.toUpperCase())}
                error={errors.site_code}
                maxLength={6}
                required
              />
              <NativeSelect
                data-testid="setup-currency"
                label={t("setup.currency")}
                data={currencyCodes()}
                value={form.currency}
                onChange={(e) => set("currency")(e.currentTarget.value)}
                error={errors.currency}
              />
              <NativeSelect
                data-testid="setup-language"
                label={t("setup.language")}
                data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
                value={form.language}
                onChange={(e) => {
                  set("language")(e.currentTarget.value);
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
              onChange={(zone) => zone && set("time_zone")(zone)}
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
                label={t("setup.admin_username")}
                value={form.admin_username}
                onChange={(e) => set("admin_username")(e.currentTarget.value)}
                error={errors.admin_username}
                required
              />
              <TextInput
                data-testid="setup-admin-name"
                label={t("setup.admin_display_name")}
                maxLength={TEXT_LIMITS.name}
                value={form.admin_display_name}
                onChange={(e) => set("admin_display_name")(e.currentTarget.value)}
                error={errors.admin_display_name}
                required
              />
              <PasswordInput
                data-testid="setup-admin-password"
                label={t("setup.admin_password")}
                description={t("setup.password_hint")}
                value={form.admin_password}
                onChange={(e) => set("admin_password")(e.currentTarget.value)}
                error={errors.admin_password}
                required
              />
              <PasswordInput
                data-testid="setup-admin-password2"
                label={t("setup.confirm_password")}
                value={form.confirm}
                onChange={(e) => set("confirm")(e.currentTarget.value)}
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
              onChange={(e) => set("load_demo")(e.currentTarget.checked)}
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
