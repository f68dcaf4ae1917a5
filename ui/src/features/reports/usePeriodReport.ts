import type { Acts } from "../../backend/acts";
import { useAct } from "../../queries/act";
import type { Period } from "./period";

/** The acts that report on a period of days. */
type PeriodAct = { [A in keyof Acts]: Acts[A][0] extends Period ? A : never }[keyof Acts];

/**
 * A report over `period`, kept under the act's name and the period: the reports page and the
 * dashboard read the same answer.
 */
export function usePeriodReport<A extends PeriodAct>(act: A, period: Period) {
  return useAct([act, period], act, period);
}
