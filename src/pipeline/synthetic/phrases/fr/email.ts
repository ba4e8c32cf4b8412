import type { TopicPhrases } from "../../ticket_intents.ts";
import type { emailIntents } from "../../intents/email.ts";

/** French phrasing of the email intents (subjects, problem statements, extra details). */
export const frEmail: TopicPhrases<typeof emailIntents> = {
  "email.not_receiving": {
    subjects: [
      "Je ne reçois plus de mails",
      "Mails des expéditeurs externes manquants",
      "Mails perdus",
      "Mail renvoyé avec l'erreur {error}",
      "Impossible d'envoyer des mails",
    ],
    problems: [
      "Je ne reçois plus aucun mail {since}.",
      "Les mails de nos clients externes n'arrivent jamais dans ma boîte de réception.",
      "Mes mails vers l'extérieur me reviennent avec l'erreur {error}.",
      "Je peux envoyer des mails mais je ne reçois rien.",
    ],
    details: [
      "J'ai vérifié les courriers indésirables.",
      "L'expéditeur n'a reçu aucune erreur.",
      "C'est pareil dans Outlook sur le web.",
      "Les mails internes fonctionnent.",
    ],
  },
  "email.mailbox_full": {
    subjects: [
      "Boîte mail pleine",
      "Limite de taille de la boîte aux lettres",
      "Outlook indique que la boîte est pleine",
      "Demande d'espace supplémentaire pour ma boîte mail",
      "Boîte d'archivage",
    ],
    problems: [
      "Outlook me dit que ma boîte aux lettres est pleine et je ne peux plus envoyer.",
      "Je reçois sans arrêt des alertes disant que ma boîte est presque pleine.",
      "Pourriez-vous augmenter la taille de ma boîte mail ?",
      "Je voudrais une boîte d'archivage pour y déplacer mes anciens mails.",
    ],
    details: [
      "J'ai déjà supprimé beaucoup d'anciens mails.",
      "J'ai beaucoup de pièces jointes que je dois garder.",
      "La boîte fait environ {size}.",
      "Je dois conserver les mails pour l'audit.",
    ],
  },
  "email.shared_mailbox": {
    subjects: [
      "Accès à la boîte partagée {mailbox}",
      "Demande de boîte partagée",
      "Ajout à une liste de diffusion",
      "Boîte partagée invisible dans Outlook",
      "Nouvelle liste de diffusion",
    ],
    problems: [
      "Pourriez-vous me donner accès à la boîte partagée {mailbox} ?",
      "La boîte partagée {mailbox} a disparu de mon Outlook.",
      "Merci de m'ajouter à la liste de diffusion {team}.",
      "Il nous faudrait une nouvelle liste de diffusion pour l'équipe {team}.",
    ],
    details: [
      "Mon responsable {name} a donné son accord.",
      "J'ai aussi besoin du droit « envoyer en tant que ».",
      "Je remplace {name} pendant son congé.",
      "Elle était encore là la semaine dernière.",
    ],
  },
  "email.sync": {
    subjects: [
      "Outlook ne se synchronise plus",
      "Mails non synchronisés sur mon téléphone",
      "Le calendrier ne se met pas à jour",
      "Outlook bloqué sur « mise à jour du dossier »",
      "Outlook déconnecté",
    ],
    problems: [
      "Outlook reste bloqué sur « mise à jour de ce dossier » et les nouveaux mails n'apparaissent pas.",
      "Mes mails professionnels ne se synchronisent plus sur mon téléphone.",
      "Mon calendrier Outlook n'affiche pas les réunions qu'on m'envoie.",
      "Outlook affiche « déconnecté » en bas de la fenêtre {since}.",
    ],
    details: [
      "Outlook sur le web fonctionne.",
      "J'ai supprimé puis rajouté le compte sur mon téléphone.",
      "C'est un iPhone.",
      "C'est un téléphone Android.",
    ],
  },
  "email.new_outlook": {
    subjects: [
      "Fonctions manquantes dans le nouvel Outlook",
      "Passé au nouvel Outlook par erreur",
      "Le nouvel Outlook n'affiche pas la boîte partagée",
      "Complément qui ne marche pas dans le nouvel Outlook",
      "Revenir à l'Outlook classique",
    ],
    problems: [
      "Depuis qu'Outlook est passé à la nouvelle version, je ne vois plus la boîte partagée {mailbox}.",
      "Le complément Zoom ne fonctionne plus dans le nouvel Outlook.",
      "J'ai activé le bouton « nouvel Outlook » et mes signatures ont disparu.",
      "Comment revenir à l'Outlook classique ? Le nouveau ne gère pas mes règles.",
    ],
    details: [
      "Le bouton en haut à droite ne remet pas l'ancienne version.",
      "Plusieurs personnes de l'équipe {team} ont la même chose.",
      "Mes archives PST ne s'ouvrent pas dans la nouvelle application.",
      "Copilot apparaît dans le ruban mais mes compléments ont disparu.",
    ],
  },
};
