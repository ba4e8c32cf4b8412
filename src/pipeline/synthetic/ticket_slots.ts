import type { Random } from "../../ml/random.ts";
import type { LanguageFrames } from "./ticket_intents.ts";

type Pool = readonly string[];

/** Slot values shared by both languages (product names, error codes, devices). */
const commonSlots: Readonly<Record<string, Pool>> = {
  app: [
    "Outlook",
    "SAP",
    "Salesforce",
    "Excel",
    "Word",
    "Jira",
    "Confluence",
    "ServiceNow",
    "Workday",
    "Power BI",
    "Adobe Acrobat",
    "Citrix Workspace",
    "AutoCAD",
    "Sage",
    "Tableau",
    "Chrome",
  ],
  error: [
    "0x80070005",
    "0x800CCC0E",
    "0x8004010F",
    "0xC004F074",
    "0x80240017",
    "ERR-809",
    "0x800704CF",
    "MSI 1603",
    "HTTP 500",
    "HTTP 403",
    "AADSTS50076",
    "ERR_CONNECTION_TIMED_OUT",
    "E-1042",
    "0x80072EFD",
  ],
  printer: [
    "PRN-PAR-02",
    "PRN-LYO-01",
    "PRN-LDN-07",
    "PRN-MTL-03",
    "HP LaserJet M607",
    "Canon iR-ADV C5535",
    "Xerox VersaLink C405",
    "Ricoh IM C3000",
  ],
  model: [
    "Dell Latitude 5440",
    "Lenovo ThinkPad T14",
    "HP EliteBook 840",
    "MacBook Pro 14",
    "Surface Laptop 5",
    "Dell Precision 3580",
  ],
  // Only the drift intents use it: the hardware of the refresh program.
  new_model: ["Dell Pro 14 Plus", "Surface Laptop 7", "ThinkPad X1 Carbon Gen 12"],
  ssid: ["CORP-WIFI", "CORP-5G", "Staff-Secure", "Guest-WiFi"],
  mailbox: [
    "accounts-payable@corp.example",
    "support@corp.example",
    "recrutement@corp.example",
    "compta@corp.example",
    "sales-ops@corp.example",
    "facturation@corp.example",
  ],
  sso: ["Azure AD", "ADFS", "MyApps"],
  mfa_app: ["Microsoft Authenticator", "Authenticator", "Duo Mobile"],
};

/** New vocabulary of the drifted population; it replaces a share of the usual values. */
const driftCommonSlots: Readonly<Record<string, Pool>> = {
  app: ["Copilot", "Microsoft Teams", "Zoom", "Notion", "Figma", "Miro", "Slack"],
  model: ["Dell Pro 14 Plus", "Surface Laptop 7", "ThinkPad X1 Carbon Gen 12"],
  sso: ["Okta"],
  mfa_app: ["Okta Verify"],
};

const firstNames: Pool = [
  "Sarah",
  "Thomas",
  "Julie",
  "Marc",
  "Emma",
  "Lucas",
  "Chloé",
  "Nicolas",
  "Laura",
  "David",
  "Sophie",
  "Antoine",
  "Olivia",
  "James",
  "Camille",
  "Hugo",
  "Léa",
  "Mohamed",
  "Fatima",
  "Pierre",
  "Nathalie",
  "Kevin",
  "Amélie",
  "Emily",
  "Inès",
  "Yann",
  "Priya",
  "Mei",
];
const lastNames: Pool = [
  "Martin",
  "Bernard",
  "Dubois",
  "Smith",
  "Johnson",
  "Leroy",
  "Moreau",
  "Garcia",
  "Nguyen",
  "Brown",
  "Lefebvre",
  "Roux",
  "Fontaine",
  "Taylor",
  "Chevalier",
  "Girard",
  "Wilson",
  "Mercier",
  "Benali",
  "Lambert",
];

/** Slots that keep one value within a ticket (the subject and body name the same app). */
const sticky = new Set([
  "app",
  "error",
  "printer",
  "model",
  "new_model",
  "share",
  "ssid",
  "mailbox",
  "sso",
  "mfa_app",
  "device",
  "team",
  "site",
]);

/** How often a drifted ticket draws a slot from the new vocabulary when one exists. */
const DRIFT_SLOT_SHARE = 0.4;

const digits = (random: Random, n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, "0");

/** Fills the `{slot}` placeholders of templates for one language and population. */
export class SlotFiller {
  readonly #base: Readonly<Record<string, Pool>>;
  readonly #drift: Readonly<Record<string, Pool>>;
  readonly #memo = new Map<string, string>();

  constructor(frames: LanguageFrames, drifted: boolean) {
    this.#base = { ...commonSlots, ...frames.slots };
    this.#drift = drifted ? { ...driftCommonSlots, ...frames.driftSlots } : {};
  }

  /** Starts a new ticket: sticky slots draw fresh values again. */
  reset(): void {
    this.#memo.clear();
  }

  /** A random person, "First Last". */
  name(random: Random): string {
    return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  }

  /** One value for `key`; throws on an unknown slot so a typo in a template fails loudly. */
  value(key: string, random: Random): string {
    switch (key) {
      case "name":
        return this.name(random);
      case "n":
        return String(random.int(3, 40));
      case "d2":
      case "d3":
      case "d4":
        return digits(random, Number(key[1]));
    }
    const kept = this.#memo.get(key);
    if (kept !== undefined) return kept;
    const drawn = this.#draw(key, random);
    if (sticky.has(key)) this.#memo.set(key, drawn);
    return drawn;
  }

  #draw(key: string, random: Random): string {
    const drift = this.#drift[key];
    if (drift && random.chance(DRIFT_SLOT_SHARE)) return random.pick(drift);
    const base = this.#base[key];
    if (!base) throw new Error(`Cannot fill ticket template: unknown slot "{${key}}"`);
    return random.pick(base);
  }

  /** The template with every placeholder replaced (values may hold placeholders too). */
  fill(template: string, random: Random): string {
    if (!template.includes("{")) return template;
    return template.replace(
      /\{(\w+)\}/g,
      (_, key: string) => this.fill(this.value(key, random), random),
    );
  }
}
