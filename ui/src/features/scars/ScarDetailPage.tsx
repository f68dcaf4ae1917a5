import { Button, Group, Paper, SimpleGrid, Table, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { may, useSession } from "../../app/session";
import type { ScarDetail } from "../../backend/bindings/ScarDetail";
import { Done } from "../../components/Done";
import { codedValues } from "../../components/detail/codedValues";
import { RecordPage } from "../../components/detail/RecordPage";
import { Fact, FactGrid } from "../../components/Fact";
import { HeadedTable } from "../../components/HeadedTable";
import { QueryState } from "../../components/page/QueryState";
import { useScar } from "../../queries/records";
import { PdfButton } from "../lots/PdfButton";
import { AdvanceScarModal } from "./AdvanceScarModal";
import { ScarStatusBadge } from "./ScarStatusBadge";
import { formatDay } from "./scar";

/** Coded values read in the UI language; free text stays as recorded. */
const valueLabel = codedValues({ status: "scars.status" });

/** The steps a SCAR reaches after it is opened, and their facts' test ids. */
const MILESTONES = [
  ["sent", "scar-sent"],
  ["containment_received", "scar-containment-at"],
  ["root_cause_received", "scar-root-cause-at"],
  ["verified", "scar-verified-at"],
  ["closed", "scar-closed-at"],
] as const;

/** One 8D section: its title and what was recorded, or that it is still awaited. */
function Section({ title, text, testId }: { title: string; text: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      {text ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid={testId}>
          {text}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic" data-testid={testId}>
          {t("scars.awaited")}
        </Text>
      )}
    </Paper>
  );
}

function Team({ scar }: { scar: ScarDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
        {t("scars.d1")}
      </Text>
      <HeadedTable
        tableProps={{ fz: "sm" }}
        data-testid="scar-team"
        columns={[t("scars.field.team_name"), t("scars.field.team_role")]}
        items={scar.team}
        row={(m) => (
          <Table.Tr key={`${m.name}/${m.role}`}>
            <Table.Td>{m.name}</Table.Td>
            <Table.Td>{m.role}</Table.Td>
          </Table.Tr>
        )}
      />
    </Paper>
  );
}

export function ScarDetailPage({ scarNo }: { scarNo: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [advancing, setAdvancing] = useState(false);
  const query = useScar(scarNo);
  if (!query.isSuccess) return <QueryState query={query} errorTestId="scar-error" />;
  const scar = query.data;
  const next = scar.next;
  return (
    <RecordPage
      head={[t("scars.detail.title"), scar.scar_no, "scar-number"]}
      badges={<ScarStatusBadge status={scar.status} overdue={scar.overdue} testId="scar-status" />}
      actions={
        <Group gap="xs">
          <PdfButton
            make={{ act: "scar_pdf", input: { scar_no: scar.scar_no } }}
            label={t("scars.pdf")}
            testId="scar-pdf"
          />
          {next && may(session, "manage_scars") && (
            <Button
              rightSection={<IconArrowRight size={16} />}
              onClick={() => setAdvancing(true)}
              data-testid="scar-advance"
              data-next={next}
            >
              {t(`scars.advance.button.${next}`)}
            </Button>
          )}
        </Group>
      }
      history={{
        history: scar.history,
        title: t("scars.history"),
        testId: "scar-history",
        valueLabel,
      }}
    >
      <FactGrid md={4}>
        <Fact label={t("scars.field.vendor")} testId="scar-vendor">
          {scar.vendor_name ? `${scar.vendor_name} (${scar.vendor_code})` : scar.vendor_code}
        </Fact>
        <Fact label={t("scars.field.failure")} testId="scar-failure">
          {scar.failure_no}
        </Fact>
        <Fact label={t("scars.field.due_on")} testId="scar-due">
          {formatDay(scar.due_on, i18n.language)}
        </Fact>
        <Fact label={t("scars.field.opened")} testId="scar-opened">
          <Done done={scar.opened} />
        </Fact>
        {MILESTONES.map(([step, testId]) => (
          <Fact key={step} label={t(`scars.status.${step}`)} testId={testId}>
            {scar[step] && <Done done={scar[step]} />}
          </Fact>
        ))}
      </FactGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Team scar={scar} />
        <Section title={t("scars.d2")} text={scar.problem} testId="scar-problem" />
        <Section title={t("scars.d3")} text={scar.containment} testId="scar-containment" />
        <Section title={t("scars.d4")} text={scar.root_cause} testId="scar-root-cause" />
        <Section title={t("scars.d56")} text={scar.actions} testId="scar-actions" />
        <Section title={t("scars.d7")} text={scar.preventive} testId="scar-preventive" />
        <Section title={t("scars.d8")} text={scar.verification} testId="scar-verification" />
        <Section title={t("scars.closure")} text={scar.closure} testId="scar-closure" />
      </SimpleGrid>
      {advancing && next && (
        <AdvanceScarModal scar={scar} to={next} onClose={() => setAdvancing(false)} />
      )}
    </RecordPage>
  );
}
