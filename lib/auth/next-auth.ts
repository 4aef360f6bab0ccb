import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { verifyCredentials } from "./credentials";
import { createSession, revokeSession } from "./sessions";
import { recordAuthEvent } from "./audit";
import { requestMeta } from "@/lib/http/request";

class SignInLocked extends CredentialsSignin {
  code = "locked";
}

// NUL cannot be stored or compared by PostgreSQL; such input is simply not a valid credential.
const noNul = (v: string) => !v.includes("\u0000");
const signInSchema = z.object({ email: z.string().min(1).max(254).refine(noNul), password: z.string().min(1).max(256).refine(noNul) });

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/**
 * Auth.js v5 with email + password. The JWT cookie only carries a session id; the session itself
 * lives in Redis (lib/auth/sessions.ts), so deleting it there signs the browser out at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome (audited in AuthEvent), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const meta = requestMeta(request);
        try {
          const user = await verifyCredentials({ ...parsed.data, meta });
          const sid = await createSession(user.id, meta);
          return { id: user.id, email: user.email, name: user.name, sid };
        } catch (error) {
          if (error instanceof AppError && error.kind === "rate_limited") throw new SignInLocked();
          if (error instanceof AppError) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) {
        token.sid = user.sid;
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") {
        await revokeSession(token.sid);
        await recordAuthEvent({ type: "sign_out", userId: token.sub ?? null });
      }
    },
  },
});
