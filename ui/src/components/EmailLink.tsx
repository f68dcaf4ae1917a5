import { Anchor } from "@mantine/core";

/** A customer's e-mail address that opens the mail program; nothing when there is none. */
export function EmailLink({ email }: { email: string | null }) {
  if (!email) return null;
  return (
    <Anchor size="sm" href={`mailto:${email}`}>
      {email}
    </Anchor>
  );
}
