import type { ReactNode } from "react";

// The root layout lives in app/[locale]/layout.tsx (it sets <html lang dir>).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
