import { defuse, fileSafe, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and ends lines with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["two\nlines", null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",\r\n');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(toCsv(["name"], [['=HYPERLINK("x")'], ["+31 20"], ["-1-1"], ["@SUM(A1)"]])).toBe(
      'name\r\n"\'=HYPERLINK(""x"")"\r\n\'+31 20\r\n\'-1-1\r\n\'@SUM(A1)\r\n',
    );
  });

  it("defuses after blanks and in full width, but not a plain number", () => {
    expect(defuse("  =1+1")).toBe("'  =1+1");
    expect(defuse("＝1+1")).toBe("'＝1+1");
    expect(defuse("＠A1")).toBe("'＠A1");
    expect(defuse("-5")).toBe("-5");
    expect(defuse("+12.50")).toBe("+12.50");
    expect(defuse("'=x")).toBe("''=x");
  });

  it("writes numbers as numbers, negative ones too", () => {
    expect(toCsv(["qty"], [[-2.5], [0]])).toBe("qty\r\n-2.5\r\n0\r\n");
  });
});

describe("defuse", () => {
  it("leaves ordinary text alone and prefixes tabs and carriage returns", () => {
    expect(defuse("LOT-1")).toBe("LOT-1");
    expect(defuse("a=b")).toBe("a=b");
    expect(defuse("\tcmd")).toBe("'\tcmd");
  });
});

describe("fileSafe", () => {
  it("replaces characters a file name cannot hold", () => {
    expect(fileSafe("L/2024:01 A")).toBe("L_2024_01_A");
  });
});
