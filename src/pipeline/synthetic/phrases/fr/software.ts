import type { TopicPhrases } from "../../ticket_intents.ts";
import type { softwareIntents } from "../../intents/software.ts";

/** French phrasing of the software intents (subjects, problem statements, extra details). */
export const frSoftware: TopicPhrases<typeof softwareIntents> = {
  "software.install": {
    subjects: [
      "Demande d'installation de logiciel",
      "Merci d'installer {app}",
      "Besoin de {app}",
      "Demande d'installation - {app}",
      "Est-ce que je peux avoir {app} ?",
    ],
    problems: [
      "Pourriez-vous installer {app} sur mon poste ?",
      "J'ai besoin de {app} pour un nouveau projet, pouvez-vous l'installer ?",
      "Le Centre logiciel ne me laisse pas installer {app}.",
      "Il me faut les droits administrateur pour installer {app}.",
    ],
    details: [
      "Mon responsable {name} a validé.",
      "La licence est prise en charge par l'équipe {team}.",
      "La dernière version convient.",
      "J'ai un {model}.",
    ],
  },
  "software.crash": {
    subjects: [
      "{app} plante sans arrêt",
      "{app} ne répond plus",
      "{app} plante au démarrage",
      "Erreur {error} dans {app}",
      "{app} se fige",
    ],
    problems: [
      "{app} plante à chaque fois que j'ouvre un fichier.",
      "{app} se fige puis se ferme sans aucun message.",
      "J'ai l'erreur {error} quand je lance {app}.",
      "{app} ne répond plus {since}.",
    ],
    details: [
      "Je l'ai déjà réinstallé.",
      "Les autres applications marchent bien.",
      "Ça arrive surtout avec les gros fichiers.",
      "Une collègue avec la même version n'a pas le problème.",
    ],
  },
  "software.license": {
    subjects: [
      "Licence {app} expirée",
      "Erreur d'activation de licence",
      "{app} indique produit sans licence",
      "Besoin d'une licence {app}",
    ],
    problems: [
      "{app} m'indique que ma licence a expiré.",
      "J'ai une erreur d'activation {error} quand j'ouvre {app}.",
      "{app} est passé en lecture seule à cause de la licence.",
      "J'ai besoin d'une licence {app}, la version d'essai se termine bientôt.",
    ],
    details: [
      "Ça marchait très bien jusqu'à la semaine dernière.",
      "Je suis connecté avec mon compte professionnel.",
      "La licence n'a peut-être pas été renouvelée.",
      "Le centre de coût est {team}.",
    ],
  },
  "software.update_failed": {
    subjects: [
      "Échec de la mise à jour Windows",
      "Mise à jour bloquée à 30 %",
      "Erreur de mise à jour {error}",
      "La mise à jour de {app} a tout cassé",
      "Boucle de redémarrage en attente",
    ],
    problems: [
      "La dernière mise à jour Windows échoue avec l'erreur {error}.",
      "Depuis la mise à jour de {app}, le programme ne démarre plus.",
      "Mon ordinateur installe des mises à jour depuis deux heures sans avancer.",
      "La mise à jour me demande de redémarrer puis échoue à nouveau.",
    ],
    details: [
      "J'ai redémarré plusieurs fois.",
      "Il y a assez d'espace disque.",
      "C'est arrivé après le correctif de mardi.",
      "Le Centre logiciel indique que la mise à jour a échoué.",
    ],
  },
  "software.copilot": {
    subjects: [
      "Copilot non disponible dans {app}",
      "Licence Microsoft 365 Copilot",
      "Copilot renvoie une erreur",
      "Bouton Copilot absent dans Word",
      "Accès à Copilot",
    ],
    problems: [
      "Je ne vois pas le bouton Copilot dans {app} alors qu'on m'a dit que j'avais une licence.",
      "Copilot répond « un problème est survenu » à chaque question.",
      "Est-ce que je pourrais avoir une licence Microsoft 365 Copilot ?",
      "Copilot dans Teams ne résume plus nos réunions.",
    ],
    details: [
      "D'autres personnes de l'équipe {team} l'ont.",
      "J'ai redémarré Office et je me suis reconnecté.",
      "La référence de l'erreur est {error}.",
      "Nous aimerions l'utiliser pour les rapports de l'équipe {team}.",
    ],
  },
};
