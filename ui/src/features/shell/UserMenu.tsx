import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconCheck, IconKey, IconLanguage, IconLogout } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import type { Language } from "../../backend/bindings/Language";
import { call } from "../../backend/call";
import i18n, { LANGUAGES } from "../../i18n";
import { ChangePasswordModal } from "./ChangePasswordModal";

export function UserMenu() {
  const { t } = useTranslation();
  const { session, setSession } = useSession();
  const [changing, setChanging] = useState(false);
  const initials = session.user.display_name
    .split(/\s+/)
    .map((p) => p.charAt(0))
    .join("")
    .slice(0, 2);

  const switchLanguage = async (language: Language) => {
    await i18n.changeLanguage(language);
    const user = await call("set_my_language", { language });
    setSession({ ...session, user });
  };
  const signOut = async () => {
    await call("sign_out", {});
    setSession(null);
  };

  return (
    <>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar color="teal" radius="xl" size="sm">
                {initials}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm">
                {session.user.display_name}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Group gap={4}>
              {session.user.roles.map((r) => (
                <Badge key={r} size="xs" variant="light">
                  {t(`role.${r}`)}
                </Badge>
              ))}
            </Group>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={4}>
              <IconLanguage size={14} /> {t("menu.language")}
            </Group>
          </Menu.Label>
          {LANGUAGES.map((l) => (
            <Menu.Item
              key={l.code}
              data-testid={`lang-${l.code}`}
              onClick={() => void switchLanguage(l.code)}
              rightSection={i18n.language === l.code ? <IconCheck size={14} /> : null}
            >
              {l.label}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            data-testid="menu-change-password"
            leftSection={<IconKey size={14} />}
            onClick={() => setChanging(true)}
          >
            {t("menu.change_password")}
          </Menu.Item>
          <Menu.Item
            data-testid="sign-out"
            leftSection={<IconLogout size={14} />}
            onClick={() => void signOut()}
          >
            {t("menu.sign_out")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
