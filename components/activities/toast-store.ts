import type { SimpleResult } from "./quick-types";

/**
 * One toast at a time ("Diaper saved · Undo"), kept in module state so it survives the client
 * navigation that follows a save or a delete; a ToastViewport on the page shows it.
 */
export type Toast = {
  id: number;
  message: string;
  /** Reverses what was just done; resolves with an error message when that failed. */
  undo?: () => Promise<SimpleResult>;
  link?: { href: string; label: string };
  /** "undone" after a successful undo, "error" when the undo itself failed. */
  tone?: "info" | "undone" | "error";
};

let current: Toast | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function showToast(toast: Omit<Toast, "id">): number {
  current = { ...toast, id: nextId++ };
  emit();
  return current.id;
}

export function updateToast(id: number, patch: Partial<Omit<Toast, "id">>) {
  if (current?.id !== id) return;
  current = { ...current, ...patch };
  emit();
}

export function dismissToast(id?: number) {
  if (id !== undefined && current?.id !== id) return;
  current = null;
  emit();
}

export function subscribeToasts(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentToast(): Toast | null {
  return current;
}
