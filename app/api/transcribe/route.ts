import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { AppError } from "@/lib/errors/app-error";
import { enforceAiLimits } from "@/lib/ai/limits";
import { readAudioUpload, transcribeAudio, transcriptionTarget } from "@/lib/ai/transcribe";

/**
 * POST /api/transcribe (multipart/form-data: audio, optional language and durationSeconds):
 * `{ text }` from the configured Whisper endpoint. Not audio → 415, too large → 413, too long →
 * 400, nothing configured → 503 unavailable:transcription (the UI uses the browser's recognition).
 */
export const POST = authedRoute(async ({ actor, request }) => {
  const upload = await readAudioUpload(request);
  const target = transcriptionTarget();
  if (!target) throw new AppError("unavailable:transcription");
  await enforceAiLimits(actor);
  return json({ text: await transcribeAudio({ target, file: upload.file, language: upload.language }) });
});
