import { useTranslation } from "react-i18next";
import type { StepDone } from "../../backend/bindings/StepDone";
import { Done } from "../Done";
import { Fact } from "../Fact";

/** A record's steps as facts, each labelled `${prefix}.${step}`: when it was done, and by whom. */
export function StepFacts<K extends string>({
  prefix,
  record,
  steps,
}: {
  prefix: string;
  record: Record<K, StepDone | null>;
  steps: readonly K[];
}) {
  const { t } = useTranslation();
  return steps.map((step) => (
    <Fact key={step} label={t(`${prefix}.${step}`)}>
      <Done done={record[step]} />
    </Fact>
  ));
}
