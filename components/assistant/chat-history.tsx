"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ChatSummary } from "@/lib/chats/schema";
import styles from "./assistant.module.css";

type Editing = { id: string; mode: "rename"; title: string } | { id: string; mode: "delete" } | null;

/**
 * The child's conversations (GET /api/v1/chats?childId=): open one, rename it, delete it (asks
 * first), or start a new one. `version` changes after each answer so the list refreshes.
 */
export function ChatHistory({
  childId,
  currentId,
  version,
  onOpen,
  onNew,
  onDeleted,
}: {
  childId: string;
  currentId: string;
  version: number;
  onOpen: (id: string) => void;
  onNew: () => void;
  onDeleted: (id: string) => void;
}) {
  const t = useTranslations("assistant.history");
  const format = useFormatter();
  const [chats, setChats] = useState<ChatSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [reload, setReload] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    fetch(`/api/v1/chats?childId=${encodeURIComponent(childId)}`)
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { chats: ChatSummary[] };
        if (live) {
          setChats(body.chats);
          setFailed(false);
        }
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [childId, version, reload]);

  async function rename(id: string, title: string) {
    const res = await fetch(`/api/v1/chats/${encodeURIComponent(id)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title }),
    }).catch(() => null);
    if (!res?.ok) return setFailed(true);
    setEditing(null);
    setReload((n) => n + 1);
  }

  async function remove(id: string) {
    const res = await fetch(`/api/v1/chats/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null);
    if (!res?.ok) return setFailed(true);
    setEditing(null);
    setChats((list) => list?.filter((c) => c.id !== id) ?? null);
    onDeleted(id);
    headingRef.current?.focus();
  }

  return (
    <nav className={styles.historyInner} aria-label={t("heading")}>
      <div className={styles.historyHead}>
        <h2 ref={headingRef} tabIndex={-1}>
          {t("heading")}
        </h2>
        <button type="button" onClick={onNew}>
          {t("new")}
        </button>
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {t("failed")}
        </p>
      )}
      {chats && chats.length === 0 && <p className="muted">{t("empty")}</p>}
      <ul className={styles.chatList}>
        {chats?.map((chat) => (
          <li key={chat.id} className={chat.id === currentId ? styles.currentChat : undefined}>
            {editing?.id === chat.id && editing.mode === "rename" ? (
              <form
                className={styles.renameForm}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (editing.title.trim()) void rename(chat.id, editing.title.trim());
                }}
              >
                <label>
                  {t("titleLabel")}
                  <input
                    autoFocus
                    maxLength={120}
                    required
                    value={editing.title}
                    onChange={(e) => setEditing({ ...editing, title: e.target.value })}
                    onKeyDown={(e) => e.key === "Escape" && setEditing(null)}
                  />
                </label>
                <div className="row">
                  <button type="submit">{t("save")}</button>
                  <button type="button" className="secondary" onClick={() => setEditing(null)}>
                    {t("cancel")}
                  </button>
                </div>
              </form>
            ) : editing?.id === chat.id && editing.mode === "delete" ? (
              <div className={styles.renameForm} role="group" aria-label={t("deleteConfirm", { title: chat.title })}>
                <p>{t("deleteConfirm", { title: chat.title })}</p>
                <div className="row">
                  <button type="button" className="danger" autoFocus onClick={() => void remove(chat.id)}>
                    {t("deleteYes")}
                  </button>
                  <button type="button" className="secondary" onClick={() => setEditing(null)}>
                    {t("cancel")}
                  </button>
                </div>
              </div>
            ) : (
              <>
                <button
                  type="button"
                  className={styles.chatOpen}
                  aria-current={chat.id === currentId ? "true" : undefined}
                  onClick={() => onOpen(chat.id)}
                >
                  <span className={styles.chatTitle}>{chat.title}</span>
                  <span className="muted">
                    {format.relativeTime(new Date(chat.updatedAt), new Date())} · {t("messages", { count: chat.messageCount })}
                  </span>
                </button>
                <div className={styles.chatActions}>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t("renameNamed", { title: chat.title })}
                    onClick={() => setEditing({ id: chat.id, mode: "rename", title: chat.title })}
                  >
                    {t("rename")}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t("deleteNamed", { title: chat.title })}
                    onClick={() => setEditing({ id: chat.id, mode: "delete" })}
                  >
                    {t("delete")}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
