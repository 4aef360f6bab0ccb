import { cookies } from "next/headers";

export const THEME_COOKIE = "nestling-theme";
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (themes as readonly string[]).includes(value);
}

/** The theme chosen on this device (a cookie, so the first paint is already right), or system. */
export async function currentTheme(): Promise<Theme> {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return isTheme(value) ? value : "system";
}

/** Remembers a theme on this device; only server actions and route handlers may set cookies. */
export async function setThemeCookie(theme: Theme): Promise<void> {
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: false });
}
