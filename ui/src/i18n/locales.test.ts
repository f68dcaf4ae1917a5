import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { localeTrees } from "./index";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const trees = localeTrees();
const en = leaves(trees.en ?? {});

describe("locales", () => {
  it("has the three UI languages", () => {
    expect(Object.keys(trees).sort()).toEqual(["en", "nl", "zh-CN"]);
  });

  it.each(["zh-CN", "nl"])("%s has exactly the English keys, none empty by mistake", (language) => {
    const other = leaves(trees[language] ?? {});
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    const empty = [...other]
      .filter(([k, v]) => v.trim() === "" && en.get(k)?.trim() !== "")
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(["zh-CN", "nl"])("%s keeps every {{placeholder}} of the English text", (language) => {
    const other = leaves(trees[language] ?? {});
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = [...en]
      .filter(
        ([k, v]) =>
          JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(other.get(k) ?? "")),
      )
      .map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it("defines every literal key the screens ask for", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, ".."))) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /\bt\(\s*"([a-z_]+(?:\.[a-z_A-Z0-9]+)+)"/g,
      )) {
        used.add(match[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    const plural = (key: string) => en.has(`${key}_one`) && en.has(`${key}_other`);
    const missing = [...used].filter((key) => !en.has(key) && !plural(key));
    expect(missing).toEqual([]);
  });
});
