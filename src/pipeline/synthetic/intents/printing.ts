import type { IntentSpec } from "../ticket_intents.ts";
import { all, requests } from "./urgency_sets.ts";

/** The printing intents: what each is and which urgencies it can carry. */
export const printingIntents = {
  "printing.offline": { topic: "printing", weight: 3, urgencies: all },
  "printing.add_printer": {
    topic: "printing",
    weight: 2,
    urgencies: ["low", "medium"],
    request: true,
  },
  "printing.scan": {
    topic: "printing",
    weight: 2,
    urgencies: requests,
    alsoUnder: { topic: "email", weight: 0.22 },
  },
  "printing.quality": { topic: "printing", weight: 1.5, urgencies: requests },
  /** Paper jams, misfeeds and trays the printer does not see. */
  "printing.paper_jam": { topic: "printing", weight: 2, urgencies: requests },
  /** Wrong paper size, duplex, colour, orientation or finishing options. */
  "printing.settings": { topic: "printing", weight: 2, urgencies: requests },
  /** Toner, ink, drums, waste boxes and paper to order or replace. */
  "printing.supplies": {
    topic: "printing",
    weight: 1.5,
    urgencies: requests,
    request: true,
  },
  /** Pages of strange characters, PCL/PostScript errors, documents that never print whole. */
  "printing.garbled": { topic: "printing", weight: 1, urgencies: requests },
  /** Label, barcode and card printers (Zebra, DYMO, Brother). */
  "printing.label_printer": { topic: "printing", weight: 1.5, urgencies: all },
  /** Large-format plotters for drawings and posters. */
  "printing.plotter": { topic: "printing", weight: 1, urgencies: requests },
  /** A printer or copier out of order: service codes, fuser errors, no power, a dead panel. */
  "printing.device_error": {
    topic: "printing",
    weight: 1.5,
    urgencies: all,
    alsoUnder: { topic: "hardware", weight: 0.22 },
  },
  /** Printing from phones, tablets and Macs: AirPrint, Mopria, e-mail to print. */
  "printing.mobile_print": { topic: "printing", weight: 1, urgencies: requests },
  /** Print quotas, balances, cost codes and print accounting. */
  "printing.quota": { topic: "printing", weight: 1, urgencies: requests },
  /** Jobs that take minutes to start, spool for ages or come out page by page. */
  "printing.slow": { topic: "printing", weight: 1, urgencies: requests },
  "printing.badge_release": { topic: "printing", weight: 3, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;
