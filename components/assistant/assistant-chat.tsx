"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useTranslations } from "next-intl";
import { newClientId } from "@/components/activities/client-id";
import type { UnitSystem } from "@/components/activities/units";
import type { NestlingUIMessage } from "@/lib/ai/ui-message";
import { ChatHistory } from "./chat-history";
import { ChatMessage } from "./chat-message";
import { chatErrorKind } from "./chat-errors";
import { VoiceInput } from "./voice-input";
import styles from "./assistant.module.css";

const EXAMPLES = ["drinkToday", "lastFeed", "nextNap", "wetDiapers", "sleepWeek"] as const;

/** How many of the latest messages go with a question (the server keeps 20 for context). */
const SENT_MESSAGES = 20;

type Session = { id: string; messages: NestlingUIMessage[] };

/** The assistant for one child: the conversation (streamed with useChat), the question box and the history. */
export function AssistantChat({
  child,
  locale,
  units,
  serverTranscription,
}: {
  child: { id: string; name: string; timezone: string };
  locale: string;
  units: UnitSystem;
  serverTranscription: boolean;
}) {
  const t = useTranslations("assistant");
  const [session, setSession] = useState<Session>(() => ({ id: newClientId(), messages: [] }));
  const [historyVersion, setHistoryVersion] = useState(0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [input, setInput] = useState("");
  const [offline, setOffline] = useState(false);
  const [openFailed, setOpenFailed] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const endRef = useRef<HTMLDivElement>(null);

  const transport = useMemo(
    () =>
      new DefaultChatTransport<NestlingUIMessage>({
        api: "/api/chat",
        // The server reads only the text of the last turns; cards and drafts stay on this side.
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => ({
          body: {
            id,
            childId: child.id,
            locale,
            trigger,
            messageId,
            messages: messages
              .slice(-SENT_MESSAGES)
              .map((m) => ({ id: m.id, role: m.role, parts: m.parts.filter((p) => p.type === "text") })),
          },
        }),
      }),
    [child.id, locale],
  );
  const { messages, sendMessage, status, stop, regenerate, error, clearError } = useChat<NestlingUIMessage>({
    id: session.id,
    messages: session.messages,
    transport,
    onFinish: () => setHistoryVersion((v) => v + 1),
  });
  const busy = status === "submitted" || status === "streaming";
  const errorKind = offline ? "offline" : chatErrorKind(error, typeof navigator === "undefined" || navigator.onLine);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  function ask(text: string) {
    const question = text.trim();
    if (!question || busy) return;
    if (!navigator.onLine) return setOffline(true);
    setOffline(false);
    clearError();
    setInput("");
    void sendMessage({ text: question });
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      ask(input);
    }
  }

  function startNew() {
    if (busy) stop();
    setSession({ id: newClientId(), messages: [] });
    setOffline(false);
    setHistoryOpen(false);
    inputRef.current?.focus();
  }

  async function open(id: string) {
    if (busy) stop();
    setOpenFailed(false);
    const res = await fetch(`/api/v1/chats/${encodeURIComponent(id)}`).catch(() => null);
    if (!res?.ok) return setOpenFailed(true);
    const { chat } = (await res.json()) as { chat: { id: string; messages: NestlingUIMessage[] } };
    setSession({ id: chat.id, messages: chat.messages });
    setHistoryOpen(false);
    inputRef.current?.focus();
  }

  return (
    <div className={styles.layout}>
      <div className={styles.historyToggle}>
        <button
          type="button"
          className="secondary"
          aria-expanded={historyOpen}
          aria-controls="chat-history"
          onClick={() => setHistoryOpen((o) => !o)}
        >
          {historyOpen ? t("history.hide") : t("history.show")}
        </button>
        <button type="button" className="secondary" onClick={startNew}>
          {t("history.new")}
        </button>
      </div>
      <aside id="chat-history" className={`${styles.history} ${historyOpen ? styles.historyOpen : ""}`}>
        <ChatHistory
          childId={child.id}
          currentId={session.id}
          version={historyVersion}
          onOpen={(id) => void open(id)}
          onNew={startNew}
          onDeleted={(id) => {
            // The open chat is gone: a fresh one takes its place, the list stays where the user is.
            if (id === session.id) setSession({ id: newClientId(), messages: [] });
          }}
        />
      </aside>

      <section className={styles.chat} aria-labelledby="conversation-heading">
        <h2 id="conversation-heading" className="sr-only">
          {t("conversation")}
        </h2>
        {openFailed && (
          <p className="form-error" role="alert">
            {t("history.openFailed")}
          </p>
        )}
        {messages.length === 0 && (
          <div className={styles.empty}>
            <p>{t("intro", { name: child.name })}</p>
            <h3 className={styles.citationsHeading}>{t("examplesHeading")}</h3>
            <ul className={styles.examples}>
              {EXAMPLES.map((key) => (
                <li key={key}>
                  <button type="button" className="secondary" onClick={() => ask(t(`examples.${key}`, { name: child.name }))}>
                    {t(`examples.${key}`, { name: child.name })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ol className={styles.messages} role="log" aria-live="polite" aria-busy={busy} aria-label={t("conversation")}>
          {messages.map((message) => (
            <ChatMessage key={message.id} message={message} timeZone={child.timezone} units={units} />
          ))}
        </ol>
        {status === "submitted" && (
          <p className={`muted ${styles.thinking}`} role="status">
            {t("thinking")}
          </p>
        )}
        {errorKind && (
          <div className={styles.error} role="alert">
            <p>{t(`errors.${errorKind}`)}</p>
          </div>
        )}
        <div ref={endRef} />
        <div className={`row ${styles.controls}`}>
          {busy && (
            <button type="button" className="secondary" onClick={() => stop()}>
              {t("stop")}
            </button>
          )}
          {!busy && messages.length > 0 && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOffline(false);
                clearError();
                void regenerate();
              }}
            >
              {t("retry")}
            </button>
          )}
        </div>
        <form
          className={styles.composer}
          onSubmit={(e) => {
            e.preventDefault();
            ask(input);
          }}
        >
          <label className={styles.inputLabel}>
            <span className="sr-only">{t("inputLabel")}</span>
            <textarea
              ref={inputRef}
              rows={2}
              maxLength={4000}
              value={input}
              placeholder={t("placeholder")}
              aria-describedby="assistant-hint"
              onChange={(e) => setInput(e.target.value)}
              onKeyDown={onKeyDown}
            />
          </label>
          <VoiceInput
            serverTranscription={serverTranscription}
            locale={locale}
            disabled={busy}
            onTranscript={(text) => {
              setInput((prev) => (prev.trim() ? `${prev.trim()} ${text}` : text));
              inputRef.current?.focus();
            }}
          />
          <button type="submit" disabled={busy || !input.trim()}>
            {t("send")}
          </button>
        </form>
        <p id="assistant-hint" className={`muted ${styles.hint}`}>
          {t("hint")}
        </p>
      </section>
    </div>
  );
}
