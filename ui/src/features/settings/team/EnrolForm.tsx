import { Alert, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Enrolled } from "../../../backend/bindings/Enrolled";
import { call } from "../../../backend/call";
import { SubmitButtons } from "../../../components/forms/SubmitButtons";
import { submitWith } from "../../../components/submitWith";
import { errorMessage, fieldErrors } from "../../../errors/apiError";
import { SectionHead } from "./SectionHead";

/**
 * Joins a team with the server's address and a one-time code. A desk that is not set up yet
 * also gives its site, which its numbers carry.
 */
export function EnrolForm({
  withSite,
  onEnrolled,
}: {
  withSite: boolean;
  onEnrolled: (enrolled: Enrolled) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ server: "", code: "", site: "" });
  const enrol = useMutation({
    mutationFn: () =>
      call("enroll_desk", {
        server: form.server.trim(),
        code: form.code.trim(),
        site: withSite ? form.site.trim().toUpperCase() : null,
      }),
    onSuccess: onEnrolled,
  });
  const errors = enrol.error ? fieldErrors(t, enrol.error) : {};
  const shownInFields = ["server", "code", "site"].some((f) => errors[f] !== undefined);
  // On a desk not set up yet the site joins the form: the address then gets a line of its own.
  const serverInput = (
    <TextInput
      label={t("sync.team.server_label")}
      placeholder="https://sync.example.com"
      value={form.server}
      onChange={(e) => setForm({ ...form, server: e.currentTarget.value })}
      error={errors.server}
      required
      autoComplete="url"
      data-testid="team-server"
    />
  );
  return (
    <form onSubmit={submitWith(() => enrol.mutate())} aria-labelledby="enrol-title">
      <Stack gap="sm">
        <SectionHead
          id="enrol-title"
          title={t("sync.team.enrol_title")}
          intro={t("sync.team.enrol_intro")}
        />
        {withSite && serverInput}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!withSite && serverInput}
          <TextInput
            label={t("sync.team.code_label")}
            value={form.code}
            onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
            error={errors.code}
            required
            autoComplete="off"
            spellCheck={false}
            data-testid="team-code"
          />
          {withSite && (
            <TextInput
              label={t("sync.team.site_label")}
              placeholder={t("sync.team.site_hint")}
              value={form.site}
              onChange={(e) => setForm({ ...form, site: e.currentTarget.value.toUpperCase() })}
              error={errors.site}
              required
              maxLength={6}
              data-testid="team-site"
            />
          )}
        </SimpleGrid>
        {enrol.isError && !shownInFields && (
          <Alert color="red" data-testid="team-enrol-error">
            {errorMessage(t, enrol.error)}
          </Alert>
        )}
        <SubmitButtons pending={enrol.isPending} label={t("sync.team.enrol")} testId="team-enrol" />
      </Stack>
    </form>
  );
}
