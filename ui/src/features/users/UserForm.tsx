import { Checkbox, NativeSelect, PasswordInput, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../backend/bindings/Language";
import type { Role } from "../../backend/bindings/Role";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import type { UserView } from "../../backend/bindings/UserView";
import { call } from "../../backend/call";
import { DrawerForm, useFieldSave } from "../../components/forms/DrawerForm";
import { bindFields, useDraft } from "../../components/forms/draft";
import { LANGUAGES } from "../../i18n";
import { keys } from "../../queries/keys";

export const ROLES: Role[] = [
  "inspector",
  "quality_lead",
  "logistics",
  "returns_analyst",
  "vendor_manager",
  "finance",
  "admin",
];

/** The i18n keys of the form's own labels, by field. */
const LABELS: Record<string, string> = {
  username: "auth.username",
  display_name: "users.display_name",
  password: "auth.password",
  password2: "setup.confirm_password",
};

/** New user (with a first password) or an existing one (name, roles, active). */
export function UserForm({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useDraft({
    username: user?.username ?? "",
    display_name: user?.display_name ?? "",
    password: "",
    password2: "",
  });
  const { username, display_name: name, password, password2 } = form.draft;
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ["inspector"]);
  const [language, setLanguage] = useState<Language>(user?.language ?? "en");
  const [active, setActive] = useState(user?.active ?? true);
  const { save, errors, setErrors } = useFieldSave(
    () =>
      user
        ? call("update_user", { user_id: user.id, display_name: name, roles, active })
        : call("create_user", { username, display_name: name, password, roles, language }),
    () => {
      void client.invalidateQueries({ queryKey: keys.users });
      notifications.show({ color: "teal", message: t("users.saved") });
      onClose();
    },
  );
  const submit = () => {
    if (!user && password !== password2) {
      setErrors({ password2: t("setup.passwords_differ") });
      return;
    }
    save.mutate();
  };
  const f = bindFields(form, errors, (key) => t(LABELS[key] ?? key));
  return (
    <DrawerForm
      title={t(user ? "users.edit" : "users.new")}
      onClose={onClose}
      onSubmit={() => submit()}
      pending={save.isPending}
      submitTestId="user-save"
    >
      <TextInput
        {...f.text("username")}
        disabled={user !== null}
        required
        data-testid="user-username"
      />
      <TextInput
        {...f.text("display_name")}
        maxLength={TEXT_LIMITS.name}
        required
        data-testid="user-name"
      />
      {!user && (
        <>
          <PasswordInput
            {...f.text("password")}
            description={t("setup.password_hint")}
            required
            data-testid="user-password"
          />
          <PasswordInput {...f.text("password2")} required data-testid="user-password2" />
          <NativeSelect
            label={t("menu.language")}
            data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          />
        </>
      )}
      <Checkbox.Group
        label={t("users.roles")}
        value={roles}
        onChange={(v) => setRoles(v as Role[])}
        error={errors.roles}
      >
        <Stack gap={6} mt={6}>
          {ROLES.map((r) => (
            <Checkbox
              key={r}
              value={r}
              label={t(`role.${r}`)}
              description={t(`users.role_hint.${r}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      {user && (
        <Switch
          label={t("users.active")}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          error={errors.active}
        />
      )}
    </DrawerForm>
  );
}

/** An administrator sets a new password for someone who forgot theirs. */
export function ResetPasswordForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const { save: reset, errors } = useFieldSave(
    () => call("reset_password", { user_id: user.id, new_password: password }),
    () => {
      notifications.show({
        color: "teal",
        message: t("users.password_reset", { name: user.display_name }),
      });
      onClose();
    },
  );
  return (
    <DrawerForm
      title={t("users.reset_password_for", { name: user.display_name })}
      onClose={onClose}
      onSubmit={() => reset.mutate()}
      pending={reset.isPending}
      submitLabel={t("users.reset_password")}
    >
      <PasswordInput
        label={t("users.new_password")}
        description={t("setup.password_hint")}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.new_password ?? errors.password}
        required
      />
    </DrawerForm>
  );
}
