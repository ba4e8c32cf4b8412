import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests } from "./urgency_sets.ts";

/** The access intents: what each is and which urgencies it can carry. */
export const accessIntents = {
  "access.password_reset": { topic: "access", weight: 3, urgencies: requests },
  "access.account_locked": { topic: "access", weight: 2.5, urgencies: notLow },
  "access.mfa": { topic: "access", weight: 2, urgencies: all },
  "access.permissions": {
    topic: "access",
    weight: 2.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "storage", weight: 0.22 },
  },
  "access.outlook_password": {
    topic: "access",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  /** Accounts, mailbox and first access for a new employee, intern or contractor. */
  "access.new_joiner": { topic: "access", weight: 2, urgencies: requests, request: true },
  /** Disabling a departed person's accounts, handing over their mailbox and files. */
  "access.leaver": { topic: "access", weight: 1.5, urgencies: requests, request: true },
  /** Single sign-on and SAML errors, conditional access, AADSTS codes, redirect loops. */
  "access.sso_error": { topic: "access", weight: 2, urgencies: all },
  /** An account expired or disabled (contract end date, long leave, inactivity). */
  "access.account_expired": { topic: "access", weight: 1.5, urgencies: all },
  /** Building and door badges (some help desks route them to physical security). */
  "access.badge": {
    topic: "access",
    weight: 1.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  /** Local admin, privileged accounts, admin roles in applications, server access. */
  "access.admin_rights": { topic: "access", weight: 1.5, urgencies: requests, request: true },
  /** BitLocker recovery screen at startup (some help desks file it as hardware). */
  "access.bitlocker_recovery": {
    topic: "access",
    weight: 1.5,
    urgencies: notLow,
    alsoUnder: { topic: "hardware", weight: 0.22 },
  },
  /** Windows Hello PIN, fingerprint and face sign-in, smart card logon. */
  "access.windows_hello": { topic: "access", weight: 1.5, urgencies: all },
  /** Service, generic and technical accounts: creation, expired passwords, ownership. */
  "access.service_account": {
    topic: "access",
    weight: 1,
    urgencies: requests,
    request: true,
  },
  /** Surname or display name change, misspelt names, e-mail address after a name change. */
  "access.name_change": {
    topic: "access",
    weight: 1,
    urgencies: ["low", "medium"],
    request: true,
  },
  /** Access recertification campaigns, revoking leftover rights, access lists for auditors. */
  "access.access_review": {
    topic: "access",
    weight: 1,
    urgencies: ["low", "medium"],
    request: true,
  },
  "access.okta_migration": { topic: "access", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
