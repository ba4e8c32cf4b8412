import type { TopicPhrases } from "../../ticket_intents.ts";
import type { printingIntents } from "../../intents/printing.ts";

/** French phrasing of the printing intents (subjects, problem statements, extra details). */
export const frPrinting: TopicPhrases<typeof printingIntents> = {
  "printing.offline": {
    subjects: [
      "Imprimante hors ligne",
      "L'imprimante {printer} n'imprime pas",
      "Impossible d'imprimer",
      "Travaux bloqués dans la file d'impression",
      "Bourrage papier sur {printer}",
    ],
    problems: [
      "L'imprimante {printer} apparaît hors ligne.",
      "Mes impressions restent bloquées dans la file d'attente et rien ne sort.",
      "L'imprimante du {floor} a un bourrage papier que je n'arrive pas à retirer.",
      "Je ne peux rien imprimer, {app} dit que l'imprimante n'est pas disponible.",
    ],
    details: [
      "Les autres personnes n'arrivent pas à imprimer non plus.",
      "J'ai redémarré l'imprimante.",
      "L'écran de l'imprimante affiche l'erreur {error}.",
      "C'est la grosse imprimante à côté de la cuisine.",
    ],
  },
  "printing.add_printer": {
    subjects: [
      "Ajout d'une imprimante",
      "Installer le pilote d'imprimante",
      "Configuration d'une nouvelle imprimante",
      "Imprimante introuvable dans la liste",
      "Connecter l'imprimante {printer}",
    ],
    problems: [
      "Pourriez-vous ajouter l'imprimante {printer} sur mon portable ?",
      "J'ai changé de bureau et j'ai besoin de l'imprimante du {floor}.",
      "Le pilote de {printer} ne veut pas s'installer.",
      "L'imprimante n'apparaît pas dans la liste quand j'essaie de l'ajouter.",
    ],
    details: [
      "Je suis maintenant sur le site de {site}.",
      "Il me demande les droits administrateur.",
      "Le nom sur l'étiquette de l'imprimante est {printer}.",
      "J'ai seulement besoin du noir et blanc.",
    ],
  },
  "printing.scan": {
    subjects: [
      "Le scan vers mail ne marche pas",
      "Problème de scanner",
      "Impossible de scanner vers un dossier",
      "Documents scannés non reçus",
      "Numérisation vers {share}",
    ],
    problems: [
      "Le scan vers mail sur {printer} n'envoie rien.",
      "Quand je scanne, les documents n'arrivent jamais dans ma boîte.",
      "La numérisation vers dossier échoue avec l'erreur {error}.",
      "Le scanner du {floor} n'affiche pas mon nom dans le carnet d'adresses.",
    ],
    details: [
      "Ça marchait le mois dernier.",
      "Les photocopies fonctionnent.",
      "Je dois scanner des contrats signés.",
      "Le fichier est sans doute trop gros.",
    ],
  },
  "printing.quality": {
    subjects: [
      "Problème de qualité d'impression",
      "L'imprimante sort des pages blanches",
      "Traces sur les pages imprimées",
      "Toner presque vide sur {printer}",
      "Couleurs fausses à l'impression",
    ],
    problems: [
      "L'imprimante {printer} sort des pages pâles avec des traînées.",
      "Toutes les pages sortent blanches.",
      "Le toner est presque vide sur {printer}.",
      "Les impressions couleur sortent complètement fausses.",
    ],
    details: [
      "Nous avons changé le papier.",
      "C'est pareil avec tous les documents.",
      "Il n'y a plus de toner de rechange dans l'armoire.",
      "Ça imprime bien depuis les autres ordinateurs.",
    ],
  },
  "printing.badge_release": {
    subjects: [
      "Badge d'impression non reconnu",
      "L'impression sécurisée ne fonctionne pas",
      "Le badge ne libère pas mes impressions",
      "Nouvelle impression PaperCut",
      "Les impressions disparaissent dans la nouvelle file",
    ],
    problems: [
      "Depuis le passage à l'impression par badge, mon badge n'est pas reconnu sur {printer}.",
      "Mes documents envoyés dans la nouvelle file n'apparaissent jamais quand je badge.",
      "PaperCut m'indique que je n'ai plus de quota d'impression.",
      "L'impression depuis la nouvelle application PaperCut échoue.",
    ],
    details: [
      "J'ai enregistré mon badge hier.",
      "Les badges de mes collègues marchent sur la même imprimante.",
      "L'écran indique « carte inconnue ».",
      "L'ancienne imprimante directe a été supprimée de mon portable.",
    ],
  },
};
