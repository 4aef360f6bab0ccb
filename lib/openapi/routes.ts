import { z } from "zod";
import { activitySchema, createActivitySchema, listActivitiesQuerySchema, updateActivitySchema } from "@/lib/activities/schema";
import { childSchema, createChildSchema, updateChildSchema } from "@/lib/children/schema";
import { childGrowthSchema } from "@/lib/growth/schema";
import {
  changeRoleSchema,
  createFamilySchema,
  createInviteSchema,
  familySchema,
  inviteSchema,
  roleSchema,
  updateFamilySchema,
} from "@/lib/families/schema";
import { startTimerSchema, timerActionSchema, timerSchema } from "@/lib/timers/schema";
import { syncRequestDocSchema, syncResponseSchema } from "@/lib/sync/schema";
import {
  alertsResponseSchema,
  insightsResponseSchema,
  listQuerySchema,
  predictionsResponseSchema,
  summaryQuerySchema,
  summaryResponseSchema,
} from "@/lib/insights/schema";
import { realtimeTokenResponseSchema } from "@/lib/realtime/protocol";
import { changePasswordSchema, createTokenSchema, credentialsSchema, registerSchema, updateMeSchema, userSchema } from "@/lib/users/schema";

export type Method = "get" | "post" | "patch" | "delete";

export type RouteSpec = {
  method: Method;
  /** OpenAPI path: /api/v1/children/{id} */
  path: string;
  summary: string;
  tag: string;
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** status → response body schema (null for no body). */
  responses: Record<number, z.ZodType | null>;
};

const familySummary = z.object({ id: z.uuid(), name: z.string(), role: roleSchema });
const tokenInfo = z.object({ id: z.uuid(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
const me = z.object({ user: userSchema, families: z.array(familySummary) });
const health = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), ms: z.number() })),
});
const idQuery = (name: string) => z.object({ [name]: z.uuid() });

/** Every REST route, with the zod schemas the handlers validate with. The OpenAPI document is built from this. */
export const routes: RouteSpec[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Health of PostgreSQL and Redis (503 when one is down)",
    tag: "system",
    auth: false,
    responses: { 200: health, 503: health },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    tag: "system",
    auth: false,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    method: "post",
    path: "/api/v1/auth/register",
    summary: "Create an account with its first family; returns a personal access token",
    tag: "auth",
    auth: false,
    body: registerSchema,
    responses: { 201: z.object({ user: userSchema, family: familySchema, token: z.string() }) },
  },
  {
    method: "post",
    path: "/api/v1/auth/token",
    summary: "Exchange email + password for a personal access token",
    tag: "auth",
    auth: false,
    body: credentialsSchema,
    responses: { 201: z.object({ token: z.string(), id: z.uuid(), label: z.string(), createdAt: z.string() }) },
  },
  {
    method: "post",
    path: "/api/v1/auth/password",
    summary: "Change password; revokes other sessions and tokens",
    tag: "auth",
    auth: true,
    body: changePasswordSchema,
    responses: { 204: null },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The current user, settings and families",
    tag: "account",
    auth: true,
    responses: { 200: me },
  },
  {
    method: "patch",
    path: "/api/v1/me",
    summary: "Update name and settings",
    tag: "account",
    auth: true,
    body: updateMeSchema,
    responses: { 200: me },
  },
  {
    method: "get",
    path: "/api/v1/tokens",
    summary: "List personal access tokens",
    tag: "account",
    auth: true,
    responses: { 200: z.object({ items: z.array(tokenInfo) }) },
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create a personal access token (shown once)",
    tag: "account",
    auth: true,
    body: createTokenSchema,
    responses: { 201: z.object({ token: z.string(), id: z.uuid(), label: z.string(), createdAt: z.string() }) },
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke a personal access token",
    tag: "account",
    auth: true,
    responses: { 204: null },
  },
  {
    method: "post",
    path: "/api/v1/realtime/token",
    summary: "A short-lived token and the URL of the realtime sidecar (Socket.io `auth: { token }`)",
    tag: "realtime",
    auth: true,
    responses: { 200: realtimeTokenResponseSchema },
  },
  {
    method: "get",
    path: "/api/v1/families",
    summary: "Families of the current user",
    tag: "families",
    auth: true,
    responses: { 200: z.object({ items: z.array(familySummary) }) },
  },
  {
    method: "post",
    path: "/api/v1/families",
    summary: "Create a family (you become its owner)",
    tag: "families",
    auth: true,
    body: createFamilySchema,
    responses: { 201: z.object({ family: familySchema }) },
  },
  {
    method: "get",
    path: "/api/v1/families/{id}",
    summary: "A family with members and roles",
    tag: "families",
    auth: true,
    responses: { 200: z.object({ family: familySchema }) },
  },
  {
    method: "patch",
    path: "/api/v1/families/{id}",
    summary: "Rename a family (parent or owner)",
    tag: "families",
    auth: true,
    body: updateFamilySchema,
    responses: { 200: z.object({ family: familySchema }) },
  },
  {
    method: "delete",
    path: "/api/v1/families/{id}",
    summary: "Delete a family and all its data (owner)",
    tag: "families",
    auth: true,
    responses: { 204: null },
  },
  {
    method: "post",
    path: "/api/v1/families/{id}/invites",
    summary: "Invite by code/link with a role (parent or owner)",
    tag: "families",
    auth: true,
    body: createInviteSchema,
    responses: { 201: inviteSchema },
  },
  {
    method: "patch",
    path: "/api/v1/families/{id}/members/{userId}",
    summary: "Change a member's role",
    tag: "families",
    auth: true,
    body: changeRoleSchema,
    responses: { 200: z.object({ family: familySchema }) },
  },
  {
    method: "delete",
    path: "/api/v1/families/{id}/members/{userId}",
    summary: "Remove a member, or leave (your own id)",
    tag: "families",
    auth: true,
    responses: { 204: null },
  },
  {
    method: "post",
    path: "/api/v1/invites/{code}/accept",
    summary: "Accept an invite",
    tag: "families",
    auth: true,
    responses: { 200: z.object({ family: familySchema, role: roleSchema }) },
  },
  {
    method: "get",
    path: "/api/v1/children",
    summary: "Children of a family",
    tag: "children",
    auth: true,
    query: idQuery("familyId"),
    responses: { 200: z.object({ items: z.array(childSchema) }) },
  },
  {
    method: "post",
    path: "/api/v1/children",
    summary: "Add a child (parent or owner)",
    tag: "children",
    auth: true,
    body: createChildSchema,
    responses: { 201: z.object({ child: childSchema }) },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}",
    summary: "A child",
    tag: "children",
    auth: true,
    responses: { 200: z.object({ child: childSchema }) },
  },
  {
    method: "patch",
    path: "/api/v1/children/{id}",
    summary: "Edit a child",
    tag: "children",
    auth: true,
    body: updateChildSchema,
    responses: { 200: z.object({ child: childSchema }) },
  },
  {
    method: "delete",
    path: "/api/v1/children/{id}",
    summary: "Delete a child (tombstone)",
    tag: "children",
    auth: true,
    responses: { 204: null },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}/growth",
    summary:
      "A child's growth entries with WHO z-scores and percentiles (weight-, length/height-, head-, BMI-for-age, weight-for-length/height)",
    tag: "children",
    auth: true,
    responses: { 200: childGrowthSchema },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}/summary",
    summary: "A child's daily totals for from…to (YYYY-MM-DD, both included, at most 92 days), days starting at the user's day-start hour",
    tag: "analytics",
    auth: true,
    query: summaryQuerySchema,
    responses: { 200: summaryResponseSchema },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}/predictions",
    summary: "Next feed and next sleep: time, 80% interval and reason (cached by the worker, computed when stale)",
    tag: "analytics",
    auth: true,
    responses: { 200: predictionsResponseSchema },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}/insights",
    summary: "A child's insights (daily summaries, detected patterns), newest first",
    tag: "analytics",
    auth: true,
    query: listQuerySchema,
    responses: { 200: insightsResponseSchema },
  },
  {
    method: "get",
    path: "/api/v1/children/{id}/alerts",
    summary: "A child's guardrail alerts (each citing its source), newest first",
    tag: "analytics",
    auth: true,
    query: listQuerySchema,
    responses: { 200: alertsResponseSchema },
  },
  {
    method: "get",
    path: "/api/v1/activities",
    summary: "A child's entries, newest first, keyset-paginated",
    tag: "activities",
    auth: true,
    query: listActivitiesQuerySchema,
    responses: { 200: z.object({ items: z.array(activitySchema), nextCursor: z.string().nullable() }) },
  },
  {
    method: "post",
    path: "/api/v1/activities",
    summary: "Log an entry; the same client id again returns the stored entry (200)",
    tag: "activities",
    auth: true,
    body: createActivitySchema,
    responses: { 201: z.object({ activity: activitySchema }), 200: z.object({ activity: activitySchema }) },
  },
  {
    method: "get",
    path: "/api/v1/activities/{id}",
    summary: "An entry",
    tag: "activities",
    auth: true,
    responses: { 200: z.object({ activity: activitySchema }) },
  },
  {
    method: "patch",
    path: "/api/v1/activities/{id}",
    summary: "Edit an entry; `version` must match (409 when stale)",
    tag: "activities",
    auth: true,
    body: updateActivitySchema,
    responses: { 200: z.object({ activity: activitySchema }) },
  },
  {
    method: "delete",
    path: "/api/v1/activities/{id}",
    summary: "Delete an entry (tombstone)",
    tag: "activities",
    auth: true,
    responses: { 204: null },
  },
  {
    method: "post",
    path: "/api/v1/activities/{id}/restore",
    summary: "Undo a delete",
    tag: "activities",
    auth: true,
    responses: { 200: z.object({ activity: activitySchema }) },
  },
  {
    method: "get",
    path: "/api/v1/timers",
    summary: "Running and paused timers of a family",
    tag: "timers",
    auth: true,
    query: idQuery("familyId"),
    responses: { 200: z.object({ items: z.array(timerSchema) }) },
  },
  {
    method: "post",
    path: "/api/v1/timers",
    summary: "Start a shared timer (200 with the running one if another device started it)",
    tag: "timers",
    auth: true,
    body: startTimerSchema,
    responses: { 201: z.object({ timer: timerSchema }), 200: z.object({ timer: timerSchema }) },
  },
  {
    method: "get",
    path: "/api/v1/timers/{id}",
    summary: "A timer",
    tag: "timers",
    auth: true,
    responses: { 200: z.object({ timer: timerSchema }) },
  },
  {
    method: "patch",
    path: "/api/v1/timers/{id}",
    summary: "pause, resume, switch_side or stop (stop creates the entry)",
    tag: "timers",
    auth: true,
    body: timerActionSchema,
    responses: { 200: z.object({ timer: timerSchema, activity: activitySchema.nullable().optional() }) },
  },
  {
    method: "post",
    path: "/api/v1/sync",
    summary:
      "Offline sync: apply queued ops idempotently (merge rules in docs/SYNC.md), each applied or rejected with its reason, and return every change after `since` (familyId → seq) per family",
    tag: "sync",
    auth: true,
    body: syncRequestDocSchema,
    responses: { 200: syncResponseSchema },
  },
];
