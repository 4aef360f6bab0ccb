import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(startedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([startedAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  try {
    const [startedAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { startedAt: new Date(startedAt), id };
  } catch {
    throw new AppError("bad_request:activity", { fields: { cursor: { key: "invalid" } } });
  }
}
