import type { IntentPack } from "./ticket_intents.ts";
import { frAccess } from "./phrases/fr/access.ts";
import { frHardware } from "./phrases/fr/hardware.ts";
import { frSoftware } from "./phrases/fr/software.ts";
import { frNetwork } from "./phrases/fr/network.ts";
import { frEmail } from "./phrases/fr/email.ts";
import { frPrinting } from "./phrases/fr/printing.ts";
import { frSecurity } from "./phrases/fr/security.ts";
import { frStorage } from "./phrases/fr/storage.ts";

/** French phrasing of every intent (subjects, problem statements, extra details). */
export const frIntents: IntentPack = {
  ...frAccess,
  ...frHardware,
  ...frSoftware,
  ...frNetwork,
  ...frEmail,
  ...frPrinting,
  ...frSecurity,
  ...frStorage,
};
