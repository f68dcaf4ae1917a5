import type { LineDisposition } from "../../backend/bindings/LineDisposition";
import type { Settlement } from "../../backend/bindings/Settlement";
import { fromMinor, parseMoney } from "../../money";
import {
  type ConditionGrade,
  type PreferredOutcome,
  type ReturnDisposition,
  type RmaDetail,
  TO_STOCK,
} from "./types";
import { wholeNumber } from "./units";

export type SettleForm = {
  kind: PreferredOutcome;
  refund: string;
  fee: string;
  credit: string;
  reshipmentNo: string;
};

/**
 * The settlement the RMA most likely gets: the customer's preferred outcome; a refund of what they
 * paid for what came back, of which the policy's restocking fee is kept; or credit of the full
 * amount. The refund amount is before the fee, as the backend checks it against what was paid.
 */
export function settleDefaults(detail: RmaDetail): SettleForm {
  const paid = detail.paid_for_received_minor;
  const fee = detail.policy_fee_minor;
  const issued = detail.credit_issued_minor;
  const money = (minor: number) => fromMinor(minor, detail.currency);
  return {
    // Credit issued ahead of the goods settles as that credit, nothing else.
    kind: issued !== null ? "store_credit" : detail.opening.preferred_outcome,
    refund: money(paid),
    fee: money(fee),
    credit: money(issued ?? paid),
    // The backend names the replacement that may settle the exchange (approved, from this RMA).
    reshipmentNo: detail.settling_replacement_no ?? "",
  };
}

/**
 * The settlement to send, or the fields that do not parse (keyed as the backend names them) with
 * the message key to show, which takes `moneyParams(currency)`. Amounts are in the RMA's currency.
 */
export function toSettlement(
  form: SettleForm,
  currency: string,
): { settlement: Settlement } | { errors: Record<string, string> } {
  if (form.kind === "exchange")
    return { settlement: { kind: "exchange", reshipment_no: form.reshipmentNo.trim() } };
  const errors: Record<string, string> = {};
  const money = (field: string, text: string): number | null => {
    const parsed = parseMoney(text, currency);
    if (parsed.ok) return parsed.minor;
    errors[field] = parsed.problem;
    return null;
  };
  if (form.kind === "store_credit") {
    const amount = money("amount_minor", form.credit);
    if (amount === null) return { errors };
    return { settlement: { kind: "store_credit", amount_minor: amount } };
  }
  const amount = money("amount_minor", form.refund);
  const fee = form.fee.trim() === "" ? 0 : money("restocking_fee_minor", form.fee);
  if (amount === null || fee === null) return { errors };
  return { settlement: { kind: "refund", amount_minor: amount, restocking_fee_minor: fee } };
}

/** One disposition row of the inspection: a line's units going one way, once the person chose it. */
export type DispositionRow = {
  lineIndex: number;
  disposition: ReturnDisposition | "";
  qty: string;
  recovered: string;
  location: string;
  /** The units' grade, when the intake graded each unit (null for one grade for the return). */
  grade: ConditionGrade | null;
  /** The serials of the units the row covers, on a serial line. */
  serials: string[];
};

/**
 * One row per line that had goods received, its disposition not chosen: the inspector decides
 * where each unit goes; nothing is restocked by default.
 */
export function inspectDefaults(qtyReceived: number[]): DispositionRow[] {
  return qtyReceived.flatMap((qty, lineIndex) =>
    qty > 0
      ? [
          {
            lineIndex,
            disposition: "" as const,
            qty: String(qty),
            recovered: "",
            location: "",
            grade: null,
            serials: [],
          },
        ]
      : [],
  );
}

/**
 * The dispositions to send, or the rows whose numbers do not parse (`row.<i>.qty|recovered`);
 * recovered values are in the RMA's `currency`, and their message keys take `moneyParams` of it.
 */
export function toDispositions(
  rows: DispositionRow[],
  currency: string,
): { dispositions: LineDisposition[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const dispositions: LineDisposition[] = [];
  rows.forEach((row, i) => {
    const qty = wholeNumber(row.qty);
    const disposition = row.disposition;
    if (disposition === "") errors[`row.${i}.disposition`] = "returns.form.choose";
    const parsed = row.recovered.trim() === "" ? null : parseMoney(row.recovered, currency);
    const recovered = parsed === null ? 0 : parsed.ok ? parsed.minor : null;
    if (qty === null) errors[`row.${i}.qty`] = "returns.form.bad_qty";
    if (parsed && !parsed.ok) errors[`row.${i}.recovered`] = parsed.problem;
    if (qty === null || recovered === null || disposition === "") return;
    dispositions.push({
      line_index: row.lineIndex,
      disposition,
      qty,
      recovered_minor: recovered,
      location: TO_STOCK.has(disposition) ? row.location.trim() : "",
      ...(row.grade ? { grade: row.grade } : {}),
      serials: row.serials,
    });
  });
  return Object.keys(errors).length > 0 ? { errors } : { dispositions };
}

/**
 * Where an inspection error from the backend shows: `dispositions[i].<part>` at the i-th row's
 * field (quantity, recovered value or location); other errors show under the table.
 */
export function placeDispositionField(field: string): string | null {
  const match = /^dispositions\[(\d+)\]\.(\w+)$/.exec(field);
  if (!match) return null;
  const [, index = "", part = ""] = match;
  const name =
    part === "recovered_minor"
      ? "recovered"
      : part === "location"
        ? "location"
        : part === "disposition"
          ? "disposition"
          : "qty";
  return `row.${index}.${name}`;
}

/** An intake check as the person answered it; unanswered until they do. */
export type Answer = "" | "yes" | "no";

export type IntakeForm = {
  packaging: Answer;
  accessories: Answer;
  serials: Answer;
  grade: ConditionGrade | "";
};

/** Nothing about the goods is assumed before someone has looked at them. */
export const INTAKE_UNANSWERED: IntakeForm = {
  packaging: "",
  accessories: "",
  serials: "",
  grade: "",
};

export type IntakeChecks = {
  packaging_intact: boolean;
  accessories_complete: boolean;
  serials_match: boolean;
  grade: ConditionGrade;
};

/** The intake's checks and grade, or the ones not answered yet (`returns.form.choose`). */
export function toIntakeChecks(
  form: IntakeForm,
): { checks: IntakeChecks } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const key of ["packaging", "accessories", "serials", "grade"] as const) {
    if (form[key] === "") errors[key] = "returns.form.choose";
  }
  if (form.grade === "" || Object.keys(errors).length > 0) return { errors };
  return {
    checks: {
      packaging_intact: form.packaging === "yes",
      accessories_complete: form.accessories === "yes",
      serials_match: form.serials === "yes",
      grade: form.grade,
    },
  };
}

/** One returned unit as the intake grades it: its line, its serial on a serial line, its grade. */
export type UnitRow = { lineIndex: number; serial: string | null; grade: ConditionGrade | "" };

/**
 * A row per unit received of each line (per serial on a line that names serials, in their
 * order), keeping the grades already given to units still there when a quantity changes.
 */
export function unitRows(
  lines: { serials: string[] }[],
  received: (number | null)[],
  previous: UnitRow[],
): UnitRow[] {
  return lines.flatMap((line, lineIndex) => {
    const qty = Math.max(0, received[lineIndex] ?? 0);
    const before = previous.filter((u) => u.lineIndex === lineIndex);
    return Array.from({ length: qty }, (_, k) => ({
      lineIndex,
      serial: line.serials.length > 0 ? (before[k]?.serial ?? line.serials[k] ?? null) : null,
      grade: before[k]?.grade ?? "",
    }));
  });
}

const RANK: Record<ConditionGrade, number> = { A: 0, B: 1, C: 2, D: 3 };

/** The worst of the grades: what the intake's single grade says when each unit is graded. */
export function worstGrade(grades: ConditionGrade[]): ConditionGrade | null {
  return grades.reduce<ConditionGrade | null>(
    (worst, g) => (worst === null || RANK[g] > RANK[worst] ? g : worst),
    null,
  );
}

/**
 * The units to send, each with its own grade or else the grade for every unit, or the units still
 * without one (`unit.<i>`, `returns.form.choose`).
 */
export function toUnits(
  rows: UnitRow[],
  everyUnit: ConditionGrade | "",
):
  | { units: { line_index: number; serial?: string; grade: ConditionGrade }[] }
  | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const units = rows.flatMap((row, i) => {
    const grade = row.grade || everyUnit;
    if (grade === "") {
      errors[`unit.${i}`] = "returns.form.choose";
      return [];
    }
    return [
      row.serial
        ? { line_index: row.lineIndex, serial: row.serial, grade }
        : { line_index: row.lineIndex, grade },
    ];
  });
  return Object.keys(errors).length > 0 ? { errors } : { units };
}

/** One unit's row, not yet disposed of; `serials` names it when it is a serial unit. */
const unitRow = (
  unit: { line_index: number; grade: ConditionGrade },
  serials: string[],
): DispositionRow => ({
  lineIndex: unit.line_index,
  disposition: "",
  qty: "1",
  recovered: "",
  location: "",
  grade: unit.grade,
  serials,
});

/**
 * The inspection's rows when the intake graded each unit: a row per serial unit (its own
 * disposition), and a row per grade of a line's other units; each keeps its grade.
 */
export function inspectUnitDefaults(
  units: { line_index: number; serial?: string; grade: ConditionGrade }[],
): DispositionRow[] {
  const rows: DispositionRow[] = [];
  for (const unit of units) {
    if (unit.serial) {
      rows.push(unitRow(unit, [unit.serial]));
      continue;
    }
    const same = rows.find(
      (r) => r.lineIndex === unit.line_index && r.grade === unit.grade && r.serials.length === 0,
    );
    if (same) same.qty = String(Number(same.qty) + 1);
    else rows.push(unitRow(unit, []));
  }
  return rows.sort(
    (a, b) => a.lineIndex - b.lineIndex || RANK[a.grade ?? "A"] - RANK[b.grade ?? "A"],
  );
}
