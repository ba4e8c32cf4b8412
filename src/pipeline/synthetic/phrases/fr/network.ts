import type { TopicPhrases } from "../../ticket_intents.ts";
import type { networkIntents } from "../../intents/network.ts";

/** French phrasing of the network intents (subjects, problem statements, extra details). */
export const frNetwork: TopicPhrases<typeof networkIntents> = {
  "network.vpn": {
    subjects: [
      "Le VPN ne se connecte pas",
      "Impossible de me connecter au VPN",
      "Le VPN se déconnecte sans arrêt",
      "Erreur VPN {error}",
      "Accès à distance impossible",
    ],
    problems: [
      "Je n'arrive pas à me connecter au VPN depuis chez moi.",
      "Le VPN se connecte puis décroche toutes les quelques minutes.",
      "Le client VPN affiche l'erreur {error} quand j'essaie de me connecter.",
      "Je suis connecté au VPN mais aucun site interne ne répond.",
    ],
    details: [
      "Ma connexion internet à la maison marche bien.",
      "J'utilise GlobalProtect.",
      "J'utilise le client Cisco AnyConnect.",
      "Je suis en télétravail cette semaine.",
    ],
  },
  "network.wifi": {
    subjects: [
      "Le wifi ne marche pas",
      "Impossible de me connecter à {ssid}",
      "Le wifi coupe tout le temps",
      "Pas de wifi au {floor}",
      "Problème de connexion sans fil",
    ],
    problems: [
      "Mon portable n'arrive pas à se connecter au réseau {ssid}.",
      "Le wifi coupe sans arrêt au {floor}.",
      "Le wifi se connecte mais il n'y a pas d'accès internet.",
      "Le réseau sans fil du site de {site} n'apparaît pas sur mon portable.",
    ],
    details: [
      "En filaire ça fonctionne.",
      "Mon téléphone se connecte sans problème.",
      "Il me redemande mon mot de passe en boucle.",
      "C'est pareil dans les salles de réunion.",
    ],
  },
  "network.vpn_login": {
    subjects: [
      "Le VPN refuse mon mot de passe",
      "Échec d'authentification VPN",
      "Connexion VPN impossible après changement de mot de passe",
      "Le VPN demande un code que je ne reçois pas",
    ],
    problems: [
      "Le VPN dit que mes identifiants sont faux depuis que j'ai changé mon mot de passe.",
      "L'authentification VPN échoue avec l'erreur {error} alors que mon mot de passe marche ailleurs.",
      "Le VPN demande un code MFA qui n'arrive jamais sur mon téléphone.",
      "Mon certificat VPN semble expiré et la connexion est refusée.",
    ],
    details: [
      "Mon mot de passe fonctionne pour la messagerie.",
      "Je suis en télétravail cette semaine.",
      "J'utilise GlobalProtect.",
      "L'erreur apparaît juste après la saisie du mot de passe.",
    ],
  },
  "network.slow": {
    subjects: [
      "Réseau lent",
      "Internet très lent",
      "Lenteurs réseau",
      "Connexion lente à {app}",
      "Transferts de fichiers très lents",
    ],
    problems: [
      "Le réseau est très lent {since}.",
      "Les pages mettent une éternité à charger et {app} rame énormément.",
      "Copier des fichiers sur {share} prend un temps fou.",
      "La connexion internet du site de {site} est très lente l'après-midi.",
    ],
    details: [
      "Un test de débit donne environ 2 Mb/s.",
      "C'est mieux tôt le matin.",
      "D'autres collègues disent la même chose.",
      "C'est lent en wifi comme en filaire.",
    ],
  },
  "network.outage": {
    subjects: [
      "Réseau en panne",
      "Plus d'internet à {site}",
      "Panne réseau",
      "Tout le bureau est hors ligne",
      "Internet coupé au {floor}",
    ],
    problems: [
      "Il n'y a plus aucun réseau sur le site de {site}.",
      "Internet est complètement coupé au {floor}.",
      "Aucun ordinateur n'accède au réseau {since}.",
      "Le switch de la salle serveur semble éteint, tous les ports sont coupés.",
    ],
    details: [
      "Les téléphones sont coupés aussi.",
      "Rien ne marche, ni le wifi ni le filaire.",
      "Les voyants du switch sont éteints.",
      "C'est tombé vers {time}.",
    ],
  },
  "network.meeting_calls": {
    subjects: [
      "Les appels Teams coupent",
      "Le son coupe dans Zoom",
      "Mauvaise qualité vidéo en réunion Teams",
      "Impossible de partager l'écran dans Zoom",
      "La réunion Teams se fige",
    ],
    problems: [
      "Mes appels Teams coupent au bout de quelques minutes.",
      "En réunion Zoom, mon micro n'arrête pas de couper.",
      "Le partage d'écran dans Teams se fige pour tous les participants.",
      "Zoom indique que ma connexion est instable à chaque appel.",
    ],
    details: [
      "Ça arrive à la maison comme au bureau.",
      "Le système Teams Rooms de la salle de réunion a le même souci.",
      "Les autres participants ne m'entendent plus.",
      "Je suis sur le réseau {ssid}.",
    ],
  },
};
