import { Title } from "@mantine/core";
import { Note } from "../../../components/Note";

/** A team section's title, which names the section (`aria-labelledby={id}`), and its intro. */
export function SectionHead({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <div>
      <Title order={4} id={id}>
        {title}
      </Title>
      <Note>{intro}</Note>
    </div>
  );
}
