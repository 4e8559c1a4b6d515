"""French rules for words of crisis or self-harm (the phrase families and the general rule).

Matching is on phrases, never single words, and follows the warning signs that French-speaking
crisis services publish (the 3114 and Assurance Maladie in France, Suicide Écoute, Santé psy
jeunes; Belgium's Centre de prévention du suicide; Switzerland's "Parler peut sauver"; see
`tests/safety/fr/SOURCES.md`): talking about wanting to die or to kill oneself ("je veux en
finir", "me foutre en l'air"); feeling that life has no meaning or no way out ("ma vie n'a
plus de sens", "il n'y a plus d'issue"); being a burden ("vous seriez mieux sans moi", "je ne
vous embêterai plus"); wanting to disappear or to sleep and never wake; unbearable pain ("je
n'en peux plus"); self-harm ("je me scarifie", "exprès"); a plan or the means; saying goodbye
or putting one's affairs in order. Each family keeps its everyday look-alikes out explicitly:
injuries ("je me suis fait mal en tombant"), idioms ("ça me tue", "je meurs de faim", "mort de
fatigue", "je me tue à le répéter"), and complaints about a thing or a time ("je n'en peux plus
de cette chaleur", "en finir avec ce dossier"). When in doubt, the check leans toward help.

The words are normalised first: lower case, accents dropped (typed French often lacks them),
elisions spelled out ("j'ai" is "je ai", "n'en" is "en"), and the "ne" of negation dropped,
since spoken French mostly drops it ("je veux plus vivre"), so each pattern is written once.
"""

from __future__ import annotations

import re
import unicodedata

from skill.safety.concern import Concern
from skill.safety.rules import Accidents, WishedEnding, any_of, judge

# Spoken and texted contractions, spelled out (after accents are dropped).
_SPOKEN = (
    (r"\b(chui|chuis|jsuis|j suis|jsui)\b", "je suis"),
    (r"\bjveux\b", "je veux"),
    (r"\bjpeux\b", "je peux"),
    (r"\bjvais\b", "je vais"),
    (r"\bjai\b", "je ai"),
    (r"\bjme\b", "je me"),
    (r"\bya\b", "il y a"),
    (r"\bpk\b|\bpq\b", "pourquoi"),
)
_ELISIONS = re.compile(r"\b([jmtsnldc]|qu|jusqu|lorsqu|puisqu)'")


def normalise(text: str) -> str:
    """Lower-case words, accents dropped, elisions spelled out, the negating "ne" dropped."""
    words = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = "".join(c for c in unicodedata.normalize("NFKD", words) if not unicodedata.combining(c))
    words = words.replace("œ", "oe").replace("-", " ")
    words = _ELISIONS.sub(lambda m: m.group(1) + "e ", words)
    words = re.sub(r"[^\w\s]", " ", words)
    words = " ".join(words.split())
    for pattern, replacement in _SPOKEN:
        words = re.sub(pattern, replacement, words)
    # "je ne veux plus", "je n'en peux plus": the "ne" carries nothing the rest does not.
    # ("né" is kept after "être": "je regrette d'être né".)
    words = re.sub(r"(?<!etre )(?<!suis )(?<!ete )(?<!est )\bne\b ?", "", words)
    return " ".join(words.split())


# -- crisis, by family of warning sign ------------------------------------------------------

# Idioms of dying from something that is not death: "mourir de faim", "mort de rire".
_OF_SOMETHING = (
    r"(de|d) (honte|faim|soif|rire|chaud|froid|peur|trouille|ennui|fatigue|envie|impatience|"
    r"jalousie|plaisir|bonheur|sommeil|curiosite|stress)\b"
)
# Someone else, or a thing, "will kill me": "ça va me tuer", "mon chef va me tuer".
_NOT_BY_ME = r"(?<!\bva )(?<!vont )(?<!vas )(?<!allez )(?<!faire )(?<!failli )"

_WANTING_TO_DIE = (
    r"\bsuicid",
    r"\b(veux|voudrais|voulais|aimerais|envie de|vais|pense a|pense serieusement a|"
    r"besoin de|prefererais|souhaite|compte|peux|pourrais) (me )?(mourir|crever)\b"
    rf"(?! {_OF_SOMETHING})",
    _NOT_BY_ME + r"\bme (tuer|pendre|foutre en le air|flinguer|tirer une balle|"
    r"jeter (sous|par|du|dans)|noyer|empoisonner|supprimer(?! (de|du|des|le|la|les)\b))\b",
    r"\bpour (mourir|en finir|me tuer|plus me reveiller)\b" rf"(?! {_OF_SOMETHING})",
    r"\b(fait|pris|prendre|faire) une (overdose|od)\b(?! de)",
    r"\brejoindre \w+( \w+)? (au ciel|la haut)\b",
    r"\b(en finir)\b(?! (avec|de) (ce|cette|ces|le|la|les|mon|ma|mes|un|une)\b(?! (vie|tout)\b))",
    r"\bmettre fin a (mes jours|ma vie|tout)\b|\bfin a mes jours\b",
    r"\b(etre|etais|serais|serait|etre deja) (mieux )?(mort|morte)\b"
    r"(?! (de|apres|ce soir|cette|ce matin|en|la)\b)",
    r"\bmieux (si je etais|que je sois) (mort|morte|plus la)\b",
    r"\b(ne pas|jamais|plus jamais|pas|plus) (envie de )?me reveiller\b"
    r"(?! (tot|a|avant|si tot|aussi tot|le matin|en forme|en retard|la nuit)\b)|"
    r"\bdormir pour toujours\b"
    r"(?! le (dimanche|samedi|week end))",
    r"\bmon objectif (ce est|est) de mourir\b",
)

_NOT_WANTING_TO_LIVE = (
    r"\b(veux|ai envie de|ai) plus (envie de )?(vivre|exister|etre la|etre en vie)\b"
    r"(?! (dans|a|ici|avec|comme ca dans)\b)",
    r"\bplus (le )?gout (a|de) (la vie|vivre)\b",
    r"\b(veux|voudrais|envie de|aimerais) plus etre (la|sur (cette )?terre|en vie|de ce monde|"
    r"vivante?)\b",
    r"\bplus (la force|le courage|envie|la volonte) de "
    r"(vivre|continuer a vivre|me battre|exister)\b",
    r"\bveux plus (me battre|lutter)\b",
    r"\bsupporte plus (de )?(vivre|la vie|cette vie|cette douleur|de souffrir)\b",
    r"\bvivre (me fait|fait) trop mal\b",
    r"\bregrette de etre (ne|nee)\b|\bjamais (naitre|ete ne|ete nee)\b",
    r"\bpeux plus vivre (comme ca|ainsi|comme cela)\b",
    r"\ben peux plus de (vivre|la vie|exister|cette vie)\b",
    r"^(je )?en peux plus$|\btrop dur je en peux plus\b",
)

_HOPELESS = (
    r"\bma vie a plus (de|aucun) sens\b",
    r"\bma vie (est|ce est) (un echec total|que souffrance|inutile)\b",
    r"\ba quoi (bon|ca sert de) (vivre|continuer a vivre|exister)\b",
    r"\ba quoi bon (continuer|lutter|me battre|se battre|tout ca)$",
    r"\bla vie (vaut|en vaut) (pas|plus) la peine\b",
    r"\bplus (de |aucun )?espoir pour moi\b",
    r"\b(vois|voit) (aucune|pas de|plus de|plus aucune) (issue|solution|porte de sortie)\b",
    r"\bil y a plus de issue\b|\bpas de issue\b",
    r"\b(rien|ca) (se arrangera|ira) (jamais|plus jamais) (pour moi|mieux)\b",
    r"\b(mieux vaut|je vais|envie de|veux|voudrais) tout arreter"
    r"( pour (de bon|toujours)| definitivement| une bonne fois| pour de vrai)?$",
    r"\btout arreter (pour de bon|pour toujours|definitivement)\b",
    r"\bplus rien (me|qui me) retient\b",
    r"\b(aucune|plus de|plus aucune|pas de) raison de (vivre|continuer)\b",
    r"\bsers a rien\b.*\b(vie|vivre)\b|\bcompte pour personne\b|\bpersonne me aime\b",
    r"\bmort (est|ce est) la seule (solution|issue)\b|\bseule issue (ce est|est) la mort\b",
    r"\bpiege\b.*\b(issue|sortie)\b",
    r"\b(vois|voit) (plus|pas|aucun) (le |de |du )?interet (a|de) (vivre|continuer|exister)\b",
    r"\bautre (solution|issue) que (la mort|mourir|de mourir|le suicide)\b",
)

_BURDEN = (
    r"\b(serait|seraient|seriez|serais|seront|serez) (tous )?(mieux|plus heureux|plus heureuse|"
    r"plus tranquilles?) sans moi\b",
    r"\bsans moi (vous|ils|elles|tout le monde) (seriez|seraient|serait|iriez|iraient)\b",
    r"\b(suis|me sens) (un fardeau|un poids|une charge)\b(?! plume)",
    r"\bque un (poids|fardeau|boulet|probleme) pour\b",
    r"\bsuis un boulet pour (ma|mon|mes|les|tout|vous|eux)\b",
    r"\bje suis de trop\b(?! (ici|dans|a|au|sur|pour ce|pour cette)\b)",
    r"\b(porterait|porteraient|porteriez) mieux (sans moi|si je)\b|\bsi je etais plus la\b",
    r"\b(vous|te|les) (embeterai|derangerai|ennuierai|poserai) plus\b",
    r"\b(aurez|aurons|auront|auras) (enfin )?la paix\b",
    r"\bplus a vous en faire pour moi\b",
    r"\bdebarrasser (la place|le plancher) pour de bon\b",
    r"\bpersonne (me|ne me) regretter(a|ait)\b|\bpersonne remarquerait si je\b",
    r"\bpersonne (viendrait|viendra) a mon enterrement\b",
)

_DISAPPEAR = (
    r"\b(voudrais|veux|aimerais|pouvais|envie de) (juste )?(disparaitre|plus exister|"
    r"me effacer)\b(?! (sous|de ce|de cette|du|dans|au|en vacances))",
    r"\bdisparaitre (pour toujours|pour de bon|a jamais|de la surface)\b",
)

_PAIN = (
    r"\b(veux|voudrais) que (tout|la souffrance|la douleur|ca) (se )?arrete\b"
    r"(?! (de|quand|a|le|ce|cette))",
    r"\bque ca se arrete pour toujours\b",
    r"\bce serait mieux si tout se arretait\b",
    r"\bpense souvent a la mort\b",
)

_SELF_HARM = (
    r"\bscarifi",
    r"\b(ouvert|ouvrir|ouvre) (les|mes) (veines|poignets)\b",
    r"\b(me|se) (mutile|automutile)",
    r"\bexpres\b",
    r"\b(me coupe|me suis coupe|me suis taillade|me taillader|taillader) (les )?"
    r"(bras|poignets?|veines|cuisses|jambes)\b",
    r"\bme brule avec\b",
    r"\bme tape la tete contre les murs\b",
    r"\b(envie de|veux|vais|encore|recommence a) (me )?faire du mal\b",
    r"\bme suis encore fait du mal\b|\bme imagine me faire du mal\b",
)

_PLAN = (
    r"\b(medicaments|cachets|comprimes|pilules) de cote\b|\bstocke (des|mes) "
    r"(medicaments|cachets|comprimes)\b",
    r"\b(cherche|regarde|recherche) (comment mourir|combien de (cachets|medicaments))\b",
    r"\bcomment je vais le faire\b|\btout ce que il faut pour le faire\b",
    r"\bachete une corde\b|\bchoisi le jour\b",
    r"\breserves? de (medicaments|cachets|comprimes|pilules)\b",
    r"\b(sauter|me jeter) (du|de la|du haut|par|sous)\b",
    r"\b(avaler|prendre) (toute|toutes) (ma|mes|la) (boite|boites|plaquette)",
)

_GOODBYE = (
    r"\blettre de adieu\b|\bmes adieux\b|\bet adieu\b",
    r"\b(dire|dis|dit|fais|faire) (mes )?adieux? a (tout le monde|ma famille|mes proches)\b",
    r"\bfait mon testament\b|\bdonne mes affaires\b",
    r"\bpartir pour (de bon|toujours)\b",
    r"\bpartir et (jamais|plus jamais) revenir\b(?! (au|a|du|de|en|chez|dans)\b)",
    r"\blong voyage dont on revient pas\b",
    r"\bdis a (ma|mon|mes) \w+ que je suis desole\b",
    r"\bderniere fois que on se parle\b|\bentendrez plus parler de moi\b",
    r"\bquand je serai plus la\b|\bserai (bientot |vite )?plus la\b",
    r"\bserai (parti|partie)\b(?! (en|a|au|aux|chez|pour le|pour la|pour les|demain|quand|avant|"
    r"depuis|jusque|ce|cette|le|la|les|dans)\b)",
    r"\bserai (bientot )?plus (un probleme|la pour longtemps)\b",
    r"\bpas la peine de me rappeler\b.*\bplus la\b",
)

_CRISIS = any_of(
    _WANTING_TO_DIE,
    _NOT_WANTING_TO_LIVE,
    _HOPELESS,
    _BURDEN,
    _DISAPPEAR,
    _PAIN,
    _SELF_HARM,
    _PLAN,
    _GOODBYE,
)

# -- idioms of dying that are not about dying (kept out of the general rule) -----------------

_IDIOM = re.compile(
    rf"\b(mort|morte|morts|mortes|mourir|meurs|meurt|crever|creve|tuer|tue) {_OF_SOMETHING}|"
    r"\ben finir (avec|de) (ce|cette|ces|le|la|les|mon|ma|mes|un|une)\b(?! (vie|tout)\b)|"
    r"\bdisparaitre (sous|de ce|de cette|du|dans|au|en vacances)\b|"
    r"\bmeurs (de envie|de impatience)\b|\ba mourir\b|\bmortel\b|\bmortelle\b|"
    r"\b(va|vont|vas|allez) me tuer\b|\bme faire tuer\b|\bme tue (a|au)\b|\btuer le temps\b|"
    r"\b(ca|cela|le stress|il|elle|cette \w+) me tue\b|\bplutot mourir que\b|\bma mort avec\b|"
    r"\b(telephone|batterie|plantes?|serie|motivation|voiture|ordi|ordinateur|chien|chat|"
    r"grand pere|grand mere|pere|mere|oncle|tante) (\w+ )?(est|sont|etait) (\w+ )?(mort|morte|"
    r"morts|mortes)\b|\bla mort de (ma|mon|mes|la|le)\b|\bsuis (mort|morte)( ce soir| apres)"
)

# -- the general rule: dying wished, planned or accepted by the speaker -----------------------

_ENDING = re.compile(
    r"\b(mourir|mort|morte|crever|me tuer|disparaitre|plus exister|plus etre la|plus me reveiller|"
    r"en finir|la fin de ma vie|mes derniers jours)\b"
)
_SPEAKER = re.compile(r"\b(je|me|moi|ma|mon|mes)\b")
_WISH = re.compile(
    r"\b(veux|voudrais|aimerais|envie|pense|prefere|prefererais|vais|compte|decide|pret|prete|"
    r"besoin|mieux|plus simple|soulagement|rever|reve|souhaite|espere|ce soir|bientot|"
    r"pour de bon|pour toujours)\b"
)


# A word of dying or not existing, about the speaker, with a wish or a plan (see above).
_wished_ending = WishedEnding(_ENDING, _WISH, _SPEAKER, _IDIOM)
# -- injuries: sympathy and rest, never the crisis script ------------------------------------

_HARM_TO_SELF = re.compile(r"\b(me suis|me) (fait mal|blesse|coupe|brule|cogne|tue|tuer)\b")
# What makes "je me suis fait mal" an accident: how or where it happened, or a fall.
_ACCIDENT = re.compile(
    r"\b(en|pendant|avec|contre|au|a la|a le|aux|sur) "
    r"(marchant|tombant|courant|cuisinant|epluchant|repassant|jardinant|portant|faisant|"
    r"ma marche|la marche|le sport|sport|yoga|velo|four|placard|couteau|verglas|escalier|"
    r"cheville|genou|dos|pied|pieds|jambe|poignet|epaule|hanche|cou|main|bras|doigt|tete|mollet)"
    r"|\b(tombe|tombee|glisse|trebuche|chute)\b|\ben \w+ant\b"
)
_INTENT = re.compile(r"\bexpres\b|\bvolontairement\b|\bpour me punir\b|\bdelibere")
_INJURY = re.compile(
    r"\b(fait mal|blesse|blessee|tordu|foule|entorse|ampoule|tendinite|claque|courbatures?|"
    r"bloque|ecorche|brule|brulee|coupe|coupee|cogne|cognee|pique|piquee|lumbago|boite)\b|"
    r"\bmal (a la|au|aux|a le) \w+|\b(me fait|font) mal\b|\b(faili|failli) me tuer en\b"
)


def assess(words: str, model_says_crisis: bool = False) -> Concern:
    """What normalised words call for: the crisis answer, sympathy for an injury, or nothing.

    `model_says_crisis` is a statistical model's view, if the language has one; the rules
    add what they know of accidents ("je me suis coupé en cuisinant" is an injury, whatever
    words it shares with self-harm).
    """
    accidents = Accidents(_HARM_TO_SELF, _ACCIDENT, _INTENT)
    return judge(words, _CRISIS, _wished_ending, accidents, _INJURY, model_says_crisis)
