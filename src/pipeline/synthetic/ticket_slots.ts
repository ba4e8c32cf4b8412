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
    "PowerPoint",
    "OneNote",
    "Visio",
    "MS Project",
    "Microsoft Edge",
    "Firefox",
    "SAP Concur",
    "SuccessFactors",
    "Dynamics 365",
    "Oracle EBS",
    "JD Edwards",
    "NetSuite",
    "Sage 100",
    "Cegid",
    "Xero",
    "Exact Online",
    "Winbooks",
    "Abacus",
    "Acomba",
    "HubSpot",
    "Zendesk",
    "Coupa",
    "SAP Ariba",
    "DocuSign",
    "ADP",
    "Kronos",
    "Silae",
    "Lucca",
    "Adobe Photoshop",
    "InDesign",
    "SolidWorks",
    "Revit",
    "ArcGIS",
    "Visual Studio",
    "VS Code",
    "GitLab",
    "IntelliJ IDEA",
    "Docker Desktop",
    "Webex",
    "Qlik Sense",
    "Business Objects",
    "Hyperion",
    "Bloomberg Terminal",
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
    "0x80004005",
    "0x80070643",
    "0x800F0922",
    "0xC1900101",
    "0x8007045D",
    "0x80070570",
    "0x80190001",
    "0x800CCC0F",
    "0x80040115",
    "0x8007000D",
    "CAA50021",
    "CAA70007",
    "AADSTS50126",
    "AADSTS53003",
    "AADSTS50105",
    "HTTP 502",
    "HTTP 503",
    "HTTP 401",
    "HTTP 404",
    "ERR_NAME_NOT_RESOLVED",
    "NET::ERR_CERT_AUTHORITY_INVALID",
    "DNS_PROBE_FINISHED_NXDOMAIN",
    "ERR_SSL_PROTOCOL_ERROR",
    "MSI 1618",
    "ORA-12154",
    "SQLSTATE 08001",
    "0x0000011B",
    "550 5.7.1",
    "691",
    "E-2208",
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
    "PRN-BRU-01",
    "PRN-GVA-04",
    "PRN-TOR-02",
    "PRN-LIL-05",
    "PRN-NAN-01",
    "PRN-LDN-12",
    "PRN-MTL-08",
    "PRN-QC-02",
    "PRN-LAU-01",
    "MFP-BDX-3A",
    "HP Color LaserJet M555",
    "HP LaserJet Pro M404dn",
    "Canon iR-ADV C3826i",
    "Kyocera TASKalfa 3253ci",
    "Konica Minolta bizhub C300i",
    "Brother HL-L6400DW",
    "Lexmark MX622",
    "Xerox AltaLink C8130",
    "Sharp MX-3071",
    "Ricoh MP C3004",
  ],
  model: [
    "Dell Latitude 5440",
    "Lenovo ThinkPad T14",
    "HP EliteBook 840",
    "MacBook Pro 14",
    "Surface Laptop 5",
    "Dell Precision 3580",
    "Dell Latitude 7420",
    "Dell Latitude 5520",
    "Dell OptiPlex 7010",
    "Lenovo ThinkPad T490",
    "Lenovo ThinkPad L14",
    "Lenovo ThinkCentre M70q",
    "Lenovo ThinkPad P15",
    "HP EliteBook 850 G8",
    "HP ProBook 450 G9",
    "HP EliteDesk 800 G6",
    "HP ZBook Firefly 14",
    "MacBook Air M2",
    "MacBook Pro 16",
    "Surface Pro 9",
    "Surface Laptop 4",
  ],
  // Only the drift intents use it: the hardware of the refresh program.
  new_model: ["Dell Pro 14 Plus", "Surface Laptop 7", "ThinkPad X1 Carbon Gen 12"],
  ssid: [
    "CORP-WIFI",
    "CORP-5G",
    "Staff-Secure",
    "Guest-WiFi",
    "CORP-SECURE",
    "CORP-MOBILE",
    "Staff-5GHz",
    "HQ-WIFI",
    "OFFICE-WLAN",
    "BYOD",
    "Corp-Guest",
  ],
  mailbox: [
    "accounts-payable@corp.example",
    "support@corp.example",
    "recrutement@corp.example",
    "compta@corp.example",
    "sales-ops@corp.example",
    "facturation@corp.example",
    "helpdesk@corp.example",
    "rh@corp.example",
    "invoices@corp.example",
    "reception@corp.example",
    "achats@corp.example",
    "paie@corp.example",
    "orders@corp.example",
    "legal@corp.example",
    "info@corp.example",
    "logistique@corp.example",
  ],
  sso: [
    "Azure AD",
    "ADFS",
    "MyApps",
    "Entra ID",
    "Microsoft Entra ID",
    "PingFederate",
    "OneLogin",
  ],
  mfa_app: [
    "Microsoft Authenticator",
    "Authenticator",
    "Duo Mobile",
    "Google Authenticator",
    "Duo",
    "FortiToken Mobile",
    "PingID",
    "MS Authenticator",
  ],
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
  "Mathieu",
  "Isabelle",
  "Stéphane",
  "Valérie",
  "Jean-François",
  "Marie-Ève",
  "Geneviève",
  "Sébastien",
  "Christophe",
  "Aurélie",
  "Benoît",
  "Céline",
  "Guillaume",
  "Élodie",
  "Karim",
  "Nadia",
  "Youssef",
  "Samira",
  "Olivier",
  "Manon",
  "Maxime",
  "Justine",
  "Daniel",
  "Rachel",
  "Michael",
  "Jessica",
  "Andrew",
  "Hannah",
  "Raj",
  "Anita",
  "Tom",
  "Claire",
  "Ben",
  "Rebecca",
  "Grace",
  "Lukas",
  "Anne-Sophie",
  "Frédéric",
  "Patrick",
  "Sylvie",
  "Ahmed",
  "Aïcha",
  "Wei",
  "Ana",
  "Pieter",
  "Chantal",
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
  "Tremblay",
  "Gagnon",
  "Roy",
  "Côté",
  "Bouchard",
  "Gauthier",
  "Lavoie",
  "Pelletier",
  "Peeters",
  "Janssens",
  "Maes",
  "Dupont",
  "Renard",
  "Simon",
  "Laurent",
  "Petit",
  "Durand",
  "Favre",
  "Rochat",
  "Meier",
  "Perret",
  "Jones",
  "Williams",
  "Davies",
  "Patel",
  "Khan",
  "O'Brien",
  "Murphy",
  "Clarke",
  "Hughes",
  "Rossi",
  "Ferreira",
  "Haddad",
  "Diallo",
  "Traoré",
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
