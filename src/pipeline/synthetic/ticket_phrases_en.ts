import type { IntentPack } from "./ticket_intents.ts";
import { enAccess } from "./phrases/en/access.ts";
import { enHardware } from "./phrases/en/hardware.ts";
import { enSoftware } from "./phrases/en/software.ts";
import { enNetwork } from "./phrases/en/network.ts";
import { enEmail } from "./phrases/en/email.ts";
import { enPrinting } from "./phrases/en/printing.ts";
import { enSecurity } from "./phrases/en/security.ts";
import { enStorage } from "./phrases/en/storage.ts";

/** English phrasing of every intent (subjects, problem statements, extra details). */
export const enIntents: IntentPack = {
  ...enAccess,
  ...enHardware,
  ...enSoftware,
  ...enNetwork,
  ...enEmail,
  ...enPrinting,
  ...enSecurity,
  ...enStorage,
};
