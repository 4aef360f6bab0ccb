import { describe, expect, it } from "vitest";
import { headerKey, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and drops blank lines", () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n3,,last';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "two\nlines", ""],
      ["3", "", "last"],
    ]);
  });

  it("matches headers ignoring case and spaces", () => {
    expect(headerKey("Date and Time")).toBe(headerKey("date  and time"));
  });
});
