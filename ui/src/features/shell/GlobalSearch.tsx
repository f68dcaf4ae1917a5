import { Kbd, Popover, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "../../backend/bindings/SearchHit";
import { call } from "../../backend/call";
import { cleanScan, hitPath } from "./scan";

/** One box for typed text and barcode scans: a single hit opens straight away. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  useHotkeys([
    ["/", () => input.current?.focus()],
    ["mod+K", () => input.current?.focus()],
  ]);

  const open = (hit: SearchHit) => {
    const target = hitPath(hit.kind, hit.key);
    setHits(null);
    setText("");
    void navigate({ to: target.to, search: target.search } as never);
  };
  const run = async () => {
    const query = cleanScan(text);
    if (!query) return;
    const found = await call("search", { text: query });
    const only = found.length === 1 ? found[0] : undefined;
    if (only) open(only);
    else setHits(found);
  };

  return (
    <Popover
      opened={hits !== null}
      onChange={(o) => !o && setHits(null)}
      width="target"
      position="bottom-start"
    >
      <Popover.Target>
        <TextInput
          ref={input}
          data-testid="global-search"
          w={420}
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">/</Kbd>}
          placeholder={t("search.placeholder")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void run();
            if (e.key === "Escape") setHits(null);
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        {hits && hits.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t("search.nothing_found")}
          </Text>
        )}
        <Stack gap={2}>
          {hits?.map((hit) => (
            <UnstyledButton
              key={`${hit.kind}-${hit.key}`}
              onClick={() => open(hit)}
              p="xs"
              style={{ borderRadius: 6 }}
              data-testid="search-hit"
            >
              <Text size="xs" c="dimmed">
                {t(`search.kind.${hit.kind}`)}
              </Text>
              <Text size="sm">{hit.label}</Text>
            </UnstyledButton>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
