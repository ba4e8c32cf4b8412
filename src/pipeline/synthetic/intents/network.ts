import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests, severe } from "./urgency_sets.ts";

/** The network intents: what each is and which urgencies it can carry. */
export const networkIntents = {
  "network.vpn": { topic: "network", weight: 3, urgencies: all },
  "network.wifi": { topic: "network", weight: 2.5, urgencies: all },
  "network.vpn_login": {
    topic: "network",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "access", weight: 0.22 },
  },
  "network.slow": { topic: "network", weight: 2, urgencies: requests },
  "network.outage": { topic: "network", weight: 1.5, urgencies: severe },
  /** A dead wall port or cable, no link on the dock, no address or an address conflict. */
  "network.wired": { topic: "network", weight: 2, urgencies: all },
  /** One website or internal name does not resolve or load; proxy and DNS errors. */
  "network.site_unreachable": { topic: "network", weight: 2, urgencies: all },
  /** Opening a port, allowing an address or unblocking a site category. */
  "network.firewall_request": {
    topic: "network",
    weight: 1.5,
    urgencies: requests,
    request: true,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  /** Wifi access for visitors: codes, vouchers, the captive portal. */
  "network.guest_wifi": {
    topic: "network",
    weight: 1.5,
    urgencies: ["low", "medium"],
    request: true,
  },
  /** The line between a branch office and head office (MPLS, SD-WAN, site-to-site VPN). */
  "network.site_link": { topic: "network", weight: 1, urgencies: notLow },
  /** Desk phones and softphones: registration, echo, choppy or one-way audio. */
  "network.voip": { topic: "network", weight: 2, urgencies: all },
  /** Network access control: a device refused by 802.1X or posture checks, or put in quarantine. */
  "network.nac_quarantine": {
    topic: "network",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "security", weight: 0.22 },
  },
  /** Putting a lab instrument, screen, IoT or other non-standard device on the network. */
  "network.device_onboarding": { topic: "network", weight: 1, urgencies: requests, request: true },
  /** DNS records, aliases, DHCP reservations and static addresses to create or change. */
  "network.dns_request": { topic: "network", weight: 1, urgencies: requests, request: true },
  /** Company phones, 4G routers and hotspots without mobile data; roaming, SIM and eSIM. */
  "network.mobile_data": {
    topic: "network",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "hardware", weight: 0.22 },
  },
  "network.meeting_calls": { topic: "network", weight: 3.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
