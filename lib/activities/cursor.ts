import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { EARLIEST_QUERY_TIME } from "./schema";

const cursorSchema = z.tuple([z.iso.datetime().refine((t) => Date.parse(t) >= EARLIEST_QUERY_TIME), z.uuid()]);

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
