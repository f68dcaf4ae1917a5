import { Button, Drawer, Group, SimpleGrid, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrderInput } from "../../backend/bindings/OrderInput";
import type { OrderView } from "../../backend/bindings/OrderView";
import type { SalesChannel } from "../../backend/bindings/SalesChannel";
import { call } from "../../backend/call";
import { DateField } from "../../components/DateField";
import { submitWith } from "../../components/submitWith";
import { apiErrorOf, errorMessage, translateKey } from "../../errors/apiError";
import { exponentOf, formatMoney, moneyParams } from "../../money";
import { keys } from "../../queries/keys";
import { ChannelSelect } from "../channels/ChannelSelect";
import { FormFoot } from "./FormProblems";
import { type LineMessages, OrderLinesTable } from "./OrderLinesTable";
import { OrderStatusBadge } from "./OrderStatusBadge";
import {
  dayToInstant,
  emptyLine,
  type Line,
  type LineProblem,
  type LineProblems,
  lineOf,
  linesTotal,
  localDay,
  parseLines,
} from "./orderLines";

const HEADER = ["order_no", "customer_code", "ordered_at", "currency", "channel"] as const;
type Header = Record<Exclude<(typeof HEADER)[number], "channel">, string>;
type Errors = {
  header: Partial<Record<(typeof HEADER)[number], string>>;
  lines: LineMessages;
  other: string[];
};
const NONE: Errors = { header: {}, lines: {}, other: [] };

function problemText(t: TFunction, problem: LineProblem, currency: string): string {
  if (problem === "required") return t("masterdata.required");
  if (problem === "bad_qty") return t("masterdata.orders.bad_qty");
  if (problem === "negative") return t("masterdata.negative_amount");
  return t(problem, moneyParams(currency));
}

function localErrors(t: TFunction, problems: LineProblems, currency: string): Errors {
  const lines: LineMessages = {};
  for (const [i, p] of Object.entries(problems)) {
    lines[Number(i)] = Object.fromEntries(
      Object.entries(p).map(([field, problem]) => [field, problemText(t, problem, currency)]),
    );
  }
  return { ...NONE, lines };
}

/** Backend errors at the header fields, unknown SKUs at their lines, the rest in a list. */
function backendErrors(t: TFunction, err: unknown, lines: Line[]): Errors {
  const out: Errors = { header: {}, lines: {}, other: [] };
  for (const f of apiErrorOf(err).fields) {
    const message = translateKey(t, f.message_key, f.params);
    const header = HEADER.find((h) => h === f.field);
    const sku = f.field === "sku" ? f.params.sku : undefined;
    const at = sku === undefined ? [] : lines.flatMap((l, i) => (l.sku.trim() === sku ? [i] : []));
    if (header && out.header[header] === undefined) out.header[header] = message;
    else if (at.length > 0) for (const i of at) out.lines[i] = { ...out.lines[i], sku: message };
    else if (!header && !out.other.includes(message)) out.other.push(message);
  }
  return out;
}

/** The typed currency when the backend knows it, else the home one, for the running total. */
const known = (typed: string, fallback: string) => {
  const code = typed.trim().toUpperCase();
  return exponentOf(code) === undefined ? fallback : code;
};

/** An order header with its lines; amounts are typed as decimals and sent as minor units. */
export function OrderForm(props: {
  order: OrderView | null;
  currency: string;
  onClose: () => void;
}) {
  const { order, currency, onClose } = props;
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [header, setHeader] = useState<Header>({
    order_no: order?.order_no ?? "",
    customer_code: order?.customer_code ?? "",
    ordered_at: localDay(order?.ordered_at ?? new Date()),
    currency: order?.currency ?? currency,
  });
  const [channel, setChannel] = useState<SalesChannel | null>(order?.channel ?? null);
  const [lines, setLines] = useState<Line[]>(
    order?.lines.map((l) => lineOf(l, order.currency)) ?? [emptyLine()],
  );
  const [errors, setErrors] = useState<Errors>(NONE);
  const mutation = useMutation({
    mutationFn: (input: OrderInput) => call("save_order", input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.orders });
      notifications.show({ color: "teal", message: t("masterdata.saved") });
      onClose();
    },
    onError: (err) => {
      setErrors(backendErrors(t, err, lines));
      notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });

  const submit = () => {
    const code = header.currency.trim().toUpperCase();
    // Prices are read in the order's currency, so one the backend does not know reads none.
    if (exponentOf(code) === undefined) {
      setErrors({ ...NONE, header: { currency: t("money.unknown_currency", moneyParams(code)) } });
      return;
    }
    const parsed = parseLines(lines, code);
    if (!parsed.ok) {
      setErrors(localErrors(t, parsed.problems, code));
      return;
    }
    setErrors(NONE);
    mutation.mutate({
      order_no: header.order_no.trim(),
      customer_code: header.customer_code.trim(),
      ordered_at: dayToInstant(header.ordered_at, order?.ordered_at ?? null),
      currency: code,
      lines: parsed.lines,
      channel,
    });
  };
  const headerInput = (name: keyof Header, extra: { required?: boolean } = {}) => (
    <TextInput
      label={t(`masterdata.field.${name}`)}
      value={header[name]}
      onChange={(e) => setHeader({ ...header, [name]: e.currentTarget.value })}
      error={errors.header[name]}
      data-testid={`md-${name}`}
      {...extra}
    />
  );

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={t(order ? "masterdata.orders.edit" : "masterdata.orders.new")}
    >
      <form onSubmit={submitWith(() => submit())}>
        <SimpleGrid cols={2} spacing="sm">
          {order ? (
            <TextInput label={t("masterdata.field.order_no")} value={header.order_no} disabled />
          ) : (
            headerInput("order_no", { required: true })
          )}
          {headerInput("customer_code", { required: true })}
          <DateField
            label={t("masterdata.field.ordered_at")}
            value={header.ordered_at}
            onChange={(ordered_at) => setHeader({ ...header, ordered_at })}
            error={errors.header.ordered_at}
            data-testid="md-ordered_at"
            required
          />
          {headerInput("currency", { required: true })}
          <ChannelSelect
            value={channel}
            onChange={setChannel}
            error={errors.header.channel}
            testId="md-channel"
          />
        </SimpleGrid>
        {order && (
          <Group gap="xs" mt="sm">
            <Text size="sm">{t("masterdata.field.status")}:</Text>
            <OrderStatusBadge status={order.status} testId="order-status" />
          </Group>
        )}
        <OrderLinesTable
          statuses={order?.lines.map((l) => l.status)}
          lines={lines}
          errors={errors.lines}
          onChange={(i, patch) => {
            setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
            setErrors((e) => ({ ...e, lines: { ...e.lines, [i]: {} } }));
          }}
          onRemove={(i) => {
            setLines((ls) => ls.filter((_, j) => j !== i));
            setErrors((e) => ({ ...e, lines: {} }));
          }}
        />
        <Group justify="space-between" mt="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setLines((ls) => [...ls, emptyLine()])}
            data-testid="order-add-line"
          >
            {t("masterdata.orders.add_line")}
          </Button>
          <Text size="sm" fw={600} data-testid="order-total">
            {t("masterdata.orders.total")}:{" "}
            {formatMoney(
              linesTotal(lines, known(header.currency, currency)),
              known(header.currency, currency),
              i18n.language,
            )}
          </Text>
        </Group>
        <FormFoot
          problems={errors.other}
          onClose={onClose}
          pending={mutation.isPending}
          saveTestId="orders-save"
        />
      </form>
    </Drawer>
  );
}
