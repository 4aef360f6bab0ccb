"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import styles from "./assistant.module.css";

/** Longest recording; the server refuses longer audio anyway (AI_AUDIO_MAX_SECONDS). */
export const MAX_RECORDING_SECONDS = 60;

type Mode = "server" | "speech";
type Phase = "idle" | "recording" | "transcribing";

type Recognition = {
  lang: string;
  interimResults: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionCtor = new () => Recognition;

function speechRecognition(): RecognitionCtor | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}
const canRecord = () => typeof MediaRecorder !== "undefined" && !!navigator.mediaDevices?.getUserMedia;

/**
 * The mic: records with MediaRecorder and transcribes through /api/transcribe when the server has a
 * Whisper endpoint, else (or when it answers 501/503) the browser's own speech recognition; hidden
 * when neither exists. The transcript goes to `onTranscript` (the question box).
 */
export function VoiceInput({
  serverTranscription,
  locale,
  disabled,
  onTranscript,
}: {
  serverTranscription: boolean;
  locale: string;
  disabled?: boolean;
  onTranscript: (text: string) => void;
}) {
  const t = useTranslations("assistant.voice");
  const [mode, setMode] = useState<Mode | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [seconds, setSeconds] = useState(0);
  const [notice, setNotice] = useState("");
  const stopRef = useRef<(() => void) | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    // Browser capabilities are only known after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMode(serverTranscription && canRecord() ? "server" : speechRecognition() ? "speech" : null);
    return () => {
      if (timer.current) clearInterval(timer.current);
      stopRef.current?.();
    };
  }, [serverTranscription]);

  function startTimer() {
    setSeconds(0);
    const started = Date.now();
    timer.current = setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      setSeconds(s);
      if (s >= MAX_RECORDING_SECONDS) {
        setNotice(t("maxReached", { seconds: MAX_RECORDING_SECONDS }));
        stopRef.current?.();
      }
    }, 250);
  }
  function endTimer() {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }

  async function transcribe(audio: Blob, durationSeconds: number) {
    setPhase("transcribing");
    setNotice(t("transcribing"));
    try {
      const form = new FormData();
      form.append("audio", audio, `question.${audio.type.includes("ogg") ? "ogg" : "webm"}`);
      form.append("language", locale.slice(0, 2));
      form.append("durationSeconds", String(durationSeconds));
      const res = await fetch("/api/transcribe", { method: "POST", body: form });
      if (res.status === 501 || res.status === 503) {
        const fallback = speechRecognition() ? "speech" : null;
        setMode(fallback);
        setNotice(fallback ? t("fallback") : t("unavailable"));
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { text?: string; error?: { message?: string } };
      if (!res.ok || !body.text?.trim()) {
        setNotice(body.error?.message ?? t("failed"));
        return;
      }
      onTranscript(body.text.trim());
      setNotice(t("done"));
    } catch {
      setNotice(t("failed"));
    } finally {
      setPhase("idle");
    }
  }

  async function recordForServer() {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setNotice(t("denied"));
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
    const started = Date.now();
    recorder.onstop = () => {
      endTimer();
      stream.getTracks().forEach((track) => track.stop());
      stopRef.current = null;
      void transcribe(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }), Math.ceil((Date.now() - started) / 1000));
    };
    stopRef.current = () => recorder.state !== "inactive" && recorder.stop();
    recorder.start();
    setPhase("recording");
    setNotice(t("started"));
    startTimer();
  }

  function recognize() {
    const Ctor = speechRecognition();
    if (!Ctor) return;
    const recognition = new Ctor();
    recognition.lang = locale;
    recognition.interimResults = false;
    recognition.onresult = (e) => {
      const text = Array.from(e.results, (r) => r[0]?.transcript ?? "")
        .join(" ")
        .trim();
      if (text) {
        onTranscript(text);
        setNotice(t("done"));
      }
    };
    recognition.onerror = (e) => setNotice(e.error === "not-allowed" ? t("denied") : t("failed"));
    recognition.onend = () => {
      endTimer();
      stopRef.current = null;
      setPhase("idle");
    };
    stopRef.current = () => recognition.stop();
    recognition.start();
    setPhase("recording");
    setNotice(t("started"));
    startTimer();
  }

  if (!mode) return null;
  const recording = phase === "recording";
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <div className={styles.voice}>
      <button
        type="button"
        className={recording ? styles.micOn : "secondary"}
        aria-pressed={recording}
        aria-label={recording ? t("stop") : t("start")}
        title={recording ? t("stop") : t("start")}
        disabled={disabled || phase === "transcribing"}
        onClick={() => (recording ? stopRef.current?.() : mode === "server" ? void recordForServer() : recognize())}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          {recording ? (
            <rect x="7" y="7" width="10" height="10" rx="1" />
          ) : (
            <path d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3" />
          )}
        </svg>
      </button>
      {recording && (
        <span className={styles.timer} aria-hidden="true">
          {clock} / {Math.floor(MAX_RECORDING_SECONDS / 60)}:00
        </span>
      )}
      <span className="sr-only" role="status">
        {notice}
      </span>
      {notice && !recording && phase === "idle" && notice !== t("done") && <span className={`muted ${styles.voiceNotice}`}>{notice}</span>}
    </div>
  );
}
