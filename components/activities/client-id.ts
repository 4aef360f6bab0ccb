/** A v4 uuid made on the phone (one implementation: lib/offline/uuid.ts, also used by the outbox). */
export { uuid as newClientId } from "@/lib/offline/uuid";
