import { cookies } from "next/headers";

export const THEME_COOKIE = "nestling-theme";
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

/** The theme chosen on this device (a cookie, so the first paint is already right), or system. */
export async function currentTheme(): Promise<Theme> {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return (themes as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}
