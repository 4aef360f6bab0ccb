import { env, type Env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * Voice input: an uploaded recording checked (size, that it really is audio by its first bytes,
 * duration where the container tells it) and sent to a Whisper endpoint: OpenAI's
 * /v1/audio/transcriptions, or any compatible server at AI_WHISPER_BASE_URL.
 */
export type AudioKind = "webm" | "ogg" | "mp3" | "wav" | "mp4" | "flac";

export function sniffAudio(bytes: Uint8Array): AudioKind | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 12) return null;
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "webm";
  if (ascii(0, 4) === "OggS") return "ogg";
  if (ascii(0, 4) === "fLaC") return "flac";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WAVE") return "wav";
  if (ascii(4, 8) === "ftyp") return "mp4";
  if (ascii(0, 3) === "ID3" || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)) return "mp3";
  return null;
}

/** Seconds of a PCM WAV from its header (byte rate) and size; null when the header is unusual. */
export function wavDurationSeconds(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt " && offset + 16 <= bytes.length) byteRate = view.getUint32(offset + 16, true);
    if (id === "data") return byteRate ? Math.min(size, bytes.length - offset - 8) / byteRate : null;
    offset += 8 + size + (size % 2);
  }
  return null;
}

export type TranscriptionTarget = { url: string; apiKey: string | undefined; model: string };

/** Where transcriptions go, or null when nothing is configured (the UI then uses the browser's recognition). */
export function transcriptionTarget(e: Env = env()): TranscriptionTarget | null {
  if (e.AI_WHISPER_BASE_URL)
    return {
      url: `${e.AI_WHISPER_BASE_URL.replace(/\/$/, "")}/audio/transcriptions`,
      apiKey: e.AI_WHISPER_API_KEY,
      model: e.AI_WHISPER_MODEL,
    };
  if (e.OPENAI_API_KEY)
    return {
      url: `${(e.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/$/, "")}/audio/transcriptions`,
      apiKey: e.OPENAI_API_KEY,
      model: e.AI_WHISPER_MODEL,
    };
  return null;
}

/** Checks an upload: a file field "audio", within the size limit, audio by its bytes, not too long. */
export async function readAudioUpload(
  request: Request,
  e: Env = env(),
): Promise<{ file: File; kind: AudioKind; language: string | undefined }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw new AppError("unsupported_media_type:audio");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > e.AI_AUDIO_LIMIT_BYTES + 64 * 1024) throw new AppError("payload_too_large:audio");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("bad_request:audio", { fields: { audio: { key: "required" } } });
  }
  const file = form.get("audio");
  if (!(file instanceof File) || file.size === 0) throw new AppError("bad_request:audio", { fields: { audio: { key: "required" } } });
  if (file.size > e.AI_AUDIO_LIMIT_BYTES) throw new AppError("payload_too_large:audio");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniffAudio(bytes);
  if (!kind) throw new AppError("unsupported_media_type:audio", { fields: { audio: { key: "not_audio" } } });
  const seconds = kind === "wav" ? wavDurationSeconds(bytes) : Number(form.get("durationSeconds") ?? 0) || null;
  if (seconds !== null && seconds > e.AI_AUDIO_MAX_SECONDS)
    throw new AppError("bad_request:audio", { fields: { audio: { key: "audio_too_long", params: { limit: e.AI_AUDIO_MAX_SECONDS } } } });
  const language = typeof form.get("language") === "string" ? String(form.get("language")).slice(0, 5) : undefined;
  return { file, kind, language };
}

/** Sends the recording to the Whisper endpoint; its failure is a 503 with a clear code, never a crash. */
export async function transcribeAudio({
  target,
  file,
  language,
  timeoutMs = env().AI_TIMEOUT_MS,
}: {
  target: TranscriptionTarget;
  file: File;
  language?: string;
  timeoutMs?: number;
}): Promise<string> {
  const body = new FormData();
  body.set("file", file, file.name || "recording");
  body.set("model", target.model);
  if (language) body.set("language", language.split("-")[0]);
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers: target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {},
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`whisper answered ${res.status}`);
    const json = (await res.json()) as { text?: unknown };
    return typeof json.text === "string" ? json.text.trim() : "";
  } catch (error) {
    console.error("[ai] transcription failed", error instanceof Error ? error.message : error);
    throw new AppError("unavailable:transcription_failed", { retryAfterSeconds: 5 });
  }
}
