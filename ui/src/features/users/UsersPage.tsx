import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../backend/bindings/Role";
import type { UserView } from "../../backend/bindings/UserView";
import { HeadedTable } from "../../components/HeadedTable";
import { PageHeader } from "../../components/page/PageHeader";
import { headings } from "../../components/TableHead";
import { LANGUAGES } from "../../i18n";
import { useUsers } from "../../queries/lists";
import { SessionPolicyCard } from "./SessionPolicyCard";
import { ResetPasswordForm, UserForm } from "./UserForm";

type Dialog = { kind: "edit"; user: UserView | null } | { kind: "password"; user: UserView } | null;

/** The roles that stand out in the list: who administers, who leads quality. */
const ROLE_COLORS: Partial<Record<Role, string>> = { admin: "red", quality_lead: "grape" };

/** Administrators add people, give them roles, deactivate them and reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers();
  return (
    <Stack gap="md">
      <PageHeader title={t("users.title")}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setDialog({ kind: "edit", user: null })}
          data-testid="users-new"
        >
          {t("users.new")}
        </Button>
      </PageHeader>
      <HeadedTable
        tableProps={{ striped: true, highlightOnHover: true, withTableBorder: true }}
        columns={[
          ...headings(t, [
            "auth.username",
            "users.display_name",
            "users.roles",
            "menu.language",
            "users.status",
          ]),
          { label: "", w: 60 },
        ]}
        items={users.data ?? []}
        row={(u) => (
          <Table.Tr
            key={u.id}
            data-testid="user-row"
            style={{ cursor: "pointer" }}
            onClick={() => setDialog({ kind: "edit", user: u })}
          >
            <Table.Td ff="monospace">{u.username}</Table.Td>
            <Table.Td>{u.display_name}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {u.roles.map((r) => (
                  <Badge key={r} size="sm" variant="light" color={ROLE_COLORS[r] ?? "blue"}>
                    {t(`role.${r}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{LANGUAGES.find((l) => l.code === u.language)?.label ?? u.language}</Table.Td>
            <Table.Td>
              <Text size="sm" c={u.active ? "teal" : "dimmed"}>
                {t(u.active ? "users.active" : "users.inactive")}
              </Text>
            </Table.Td>
            <Table.Td>
              <Tooltip label={t("users.reset_password")}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t("users.reset_password")}
                  onClick={(e) => {
                    e.stopPropagation();
                    setDialog({ kind: "password", user: u });
                  }}
                >
                  <IconKey size={16} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <SessionPolicyCard />
      {dialog?.kind === "edit" && <UserForm user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === "password" && (
        <ResetPasswordForm user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}
