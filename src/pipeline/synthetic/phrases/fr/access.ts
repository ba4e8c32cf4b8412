import type { TopicPhrases } from "../../ticket_intents.ts";
import type { accessIntents } from "../../intents/access.ts";

/** French phrasing of the access intents (subjects, problem statements, extra details). */
export const frAccess: TopicPhrases<typeof accessIntents> = {
  "access.password_reset": {
    subjects: [
      "Réinitialisation du mot de passe",
      "Mot de passe oublié",
      "Mot de passe expiré",
      "Réinitialiser mon mot de passe {app}",
      "Impossible de me souvenir de mon mot de passe",
      "Demande de reset du mot de passe",
    ],
    problems: [
      "J'ai oublié mon mot de passe et je ne peux plus me connecter à {app}.",
      "Mon mot de passe a expiré et le lien de réinitialisation ne marche pas.",
      "Il faudrait réinitialiser mon mot de passe {app}, on me dit que mes identifiants sont invalides.",
      "La réinitialisation en libre-service échoue toujours avec l'erreur {error}.",
    ],
    details: [
      "Je l'avais changé la semaine dernière, je ne comprends pas.",
      "J'ai cliqué sur « mot de passe oublié » mais je n'ai jamais reçu le mail.",
      "Mon identifiant est au format prénom.nom habituel.",
      "Il me dit que le nouveau mot de passe ne respecte pas les règles de complexité.",
    ],
  },
  "access.account_locked": {
    subjects: [
      "Compte bloqué",
      "Compte verrouillé",
      "Compte verrouillé après changement de mot de passe",
      "Compte {app} bloqué",
      "Impossible de me connecter - compte désactivé",
    ],
    problems: [
      "Mon compte s'est bloqué après trop de tentatives.",
      "Je suis bloqué sur {app} {since}.",
      "Windows m'indique que mon compte est verrouillé et je ne peux pas ouvrir de session.",
      "Mon compte semble désactivé, la page de connexion dit « contactez votre administrateur ».",
    ],
    details: [
      "Je pense que mon téléphone essayait encore l'ancien mot de passe.",
      "Le message d'erreur indique {error}.",
      "J'ai changé mon mot de passe ce matin et le compte s'est bloqué juste après.",
      "Je n'arrive même pas à déverrouiller ma session.",
    ],
  },
  "access.mfa": {
    subjects: [
      "MFA ne fonctionne pas",
      "Je ne reçois pas le code MFA",
      "Pas de notification de double authentification",
      "Nouveau téléphone - transférer l'authentificateur",
      "Boucle MFA sur {app}",
    ],
    problems: [
      "Je ne reçois plus la demande MFA sur mon téléphone.",
      "J'ai changé de téléphone et les codes {mfa_app} ne marchent plus.",
      "La double authentification tourne en boucle quand je me connecte à {app}.",
      "{sso} me demande un code de vérification mais il est toujours refusé.",
    ],
    details: [
      "J'ai réinstallé l'application d'authentification sans succès.",
      "L'erreur affichée est {error}.",
      "Mon ancien téléphone a été réinitialisé, je ne peux plus valider dessus.",
      "Ça marche dans le navigateur mais pas dans l'application.",
    ],
  },
  "access.permissions": {
    subjects: [
      "Demande d'accès à {share}",
      "Besoin d'un accès à {app}",
      "Demande de droits",
      "Merci de m'ajouter au groupe {team}",
      "Demande : droits sur {app}",
    ],
    problems: [
      "Pourriez-vous me donner accès à {share} ?",
      "J'ai besoin des droits en lecture/écriture sur {share} pour un nouveau projet.",
      "Il me faudrait un compte sur {app}, mon responsable a validé.",
      "Merci de m'ajouter au groupe de sécurité {team} pour que je voie leurs dossiers.",
    ],
    details: [
      "Mon responsable {name} peut confirmer.",
      "J'ai rejoint l'équipe {team} récemment.",
      "Une collègue a les mêmes accès, vous pouvez copier ses droits.",
      "J'ai un message « accès refusé » quand j'essaie de l'ouvrir.",
    ],
  },
  "access.outlook_password": {
    subjects: [
      "Outlook me redemande sans cesse mon mot de passe",
      "Boucle de demande de mot de passe dans Outlook",
      "Identifiants demandés en permanence",
      "Outlook refuse mon mot de passe",
    ],
    problems: [
      "Outlook m'affiche sans arrêt une fenêtre qui demande mon mot de passe, même après l'avoir saisi.",
      "Depuis que j'ai changé mon mot de passe, Outlook et la messagerie de mon téléphone me redemandent mes identifiants.",
      "Outlook indique « mot de passe requis » en bas et ne se connecte pas à ma boîte.",
      "Je n'arrive pas à ouvrir ma boîte mail, on me demande sans arrêt de me reconnecter.",
    ],
    details: [
      "J'ai changé mon mot de passe récemment.",
      "Je l'ai tapé soigneusement plusieurs fois.",
      "La boîte fonctionne dans le navigateur.",
      "Ça arrive aussi sur mon téléphone.",
    ],
  },
  "access.okta_migration": {
    subjects: [
      "Connexion Okta impossible",
      "Impossible de me connecter depuis le passage à Okta",
      "Pas de notification Okta Verify",
      "Okta dit que je ne suis pas assigné à {app}",
      "Lien d'activation Okta expiré",
    ],
    problems: [
      "Depuis la bascule vers Okta, je ne peux plus me connecter à {app}.",
      "Okta Verify ne m'envoie plus la notification push.",
      "Le portail Okta n'affiche pas {app} alors que je l'utilisais avant la migration.",
      "Mon lien d'activation Okta a expiré et je ne peux pas configurer mon compte.",
    ],
    details: [
      "L'ancienne page {sso} redirige maintenant vers Okta.",
      "J'ai enrôlé Okta Verify sur mon téléphone hier.",
      "L'erreur dit « utilisateur non assigné à cette application ».",
      "Plusieurs collègues ont migré sans souci, seul mon compte pose problème.",
    ],
  },
};
