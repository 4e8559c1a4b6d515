"""German rules for words of crisis or self-harm (phrase families, never single words).

The families follow the warning signs German crisis services and their partners publish (the
TelefonSeelsorge, the Stiftung Deutsche Depressionshilfe, counselling centres; see
tests/safety/de/SOURCES.md): saying one wants to die or to kill oneself ("ich will nicht mehr
leben", "ich bringe mich um"); the passive wish not to be here or not to wake up; hopelessness
and no way out ("ich sehe keinen Ausweg", "es hat alles keinen Sinn mehr"); being a burden
("ohne mich wärt ihr besser dran"); being unable to bear it ("ich halte das nicht mehr aus");
self-harm (ritzen, sich absichtlich verletzen); a plan or the means (Tabletten sammeln);
saying goodbye ("Abschiedsbrief", "bald nicht mehr da sein").

German says many of these with everyday words, so each family keeps its look-alikes out:
"mein Rücken bringt mich um" is an ache, "ich könnte ihn umbringen" anger at someone else,
"ich sterbe vor Hunger" an idiom, "ich will nicht mehr spazieren gehen" a goal to drop, "ich
halte diese Hitze nicht mehr aus" the weather, "mit dem Rauchen Schluss machen" a good plan.
"Ich kann nicht mehr" and "ich will nicht mehr" said on their own are taken as the warning
signs the sources quote; followed by what the person cannot do any more, they are not.
When in doubt the rules lean toward help: a person in crisis who hears coaching is the worse
mistake.
"""

from __future__ import annotations

import re

from skill.safety.concern import Concern
from skill.safety.rules import WishedEnding, any_of

# Spoken forms evened out first, so each pattern is written once.
_FORMS = (
    (r"\b(hab|hab')\b", "habe"),
    (r"\bhab's\b|\bhabs\b", "habe es"),
    (r"\b(\w+)'s\b", r"\1 es"),
    (r"\bmöcht\b", "möchte"),
    (r"\bnich\b|\bnet\b", "nicht"),
    (r"\bnix\b", "nichts"),
    (r"\bbring\b", "bringe"),
    (r"\bwär\b", "wäre"),
    (r"\bwürd\b", "würde"),
    (r"\btu\b", "tue"),
    (r"\bweh tun\b", "wehtun"),
    (r"\bweh getan\b", "wehgetan"),
    (r"\bgeht's\b", "geht es"),
)


def normalise(text: str) -> str:
    """Lower-case words with spoken short forms spelled out and punctuation dropped."""
    words = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = re.sub(r"[^\w\s']", " ", words)
    for pattern, replacement in _FORMS:
        words = re.sub(pattern, replacement, words)
    words = words.replace("'", " ")
    return " ".join(words.split())


# Adverbs people put between "ich will" and what they want ("ich will einfach nur noch ...").
_SOFT = r"(?:\s+(?:einfach|nur|noch|jetzt|lieber|gerne?|bald|endlich|heute|echt|wirklich|so|"
_SOFT += r"am liebsten|halt|eigentlich|ganz|schon|irgendwie|überhaupt|mal))*"

# -- crisis, by family of warning sign ------------------------------------------------------

_WANTING_TO_DIE = (
    rf"\bich (will|möchte|wollte|mag|werde){_SOFT} sterben\b",
    rf"\b(will|möchte|wollte)( ich)?{_SOFT} sterben\b",
    r"\bwürde (ich )?(am liebsten|gerne?|lieber)( einfach)? sterben\b",
    r"\b(will|möchte|würde|wollte|werde) ich\b(?:\s+\w+){0,3}\s+sterben\b",
    rf"\b(will|möchte|wollte)( ich)?{_SOFT} tot sein\b",
    r"\b(wäre|bin) (ich )?(lieber|gern|gerne|am liebsten|besser)( einfach)? tot\b",
    r"\bwünschte?( mir)?,? (ich wäre|ich wär|ich sei) tot\b|\bam liebsten wäre ich tot\b",
    r"\bbringe (ich )?mich (\w+ )?um\b|\bmich (\w+ ){0,2}(umbringen|umzubringen|umbringe|töten|"
    r"zu töten)\b",
    r"\bwie man sich umbringt\b|\bmich (erhängen|aufhängen|erschießen|vergiften)\b",
    r"\bselbstmord|\bsuizid(?!prävention)",
    r"\bmir (das|mein) leben (zu )?nehmen\b|\bnehme mir das leben\b",
    r"\b(mein|das|meinem) leben (zu )?(beenden|beende)\b",
    r"\bmir\b(?:\s+\w+){0,4}\s+(das|mein) leben (zu )?(nehmen|nehme)\b",
    r"\b(meinem leben|allem|dem ganzen|dem allem|dem leben) ein ende (zu )?(setzen|machen|"
    r"bereiten)\b",
    r"\bschluss (mit allem|mit dem leben|mit meinem leben|für immer)\b",
    r"\bmache? schluss mit (allem|dem leben|meinem leben)\b",
    r"\b(ich bin|bin ich|fühle mich|ich fühle mich)( so| total| echt| einfach|"
    r" wirklich)? lebensmüde\b",
    r"\blebensmüde gedanken\b|\bsuizidal\b",
)

_NOT_WANTING_TO_BE_HERE = (
    rf"\b(will|möchte|wollte|mag|kann){_SOFT} nicht (mehr |länger )?(leben|weiterleben|existieren|"
    r"da sein|"
    r"hier sein|am leben sein|aufwachen|atmen|auf dieser welt sein|auf der welt sein)\b",
    rf"\b(will|möchte|wollte)( ich)?{_SOFT} nicht mehr (leben|weiterleben|existieren|da sein)\b",
    r"\b(einschlafen|schlafen) und (nie|nicht) (mehr |wieder )*aufwachen\b",
    r"\b(hoffe|wünschte|wünsche|will|möchte|würde)\b.*\b(nie|nicht) (mehr |wieder )+aufwach",
    r"\b(hoffe|wünschte|wünsche)\b.*\b(nie|nicht) (mehr |wieder )*aufwach",
    r"\bherz (\w+ ){0,2}aufhört zu schlagen\b|\bmich gibt es (bald |dann |morgen )?nicht mehr\b",
    r"\b(will|möchte|mag)( einfach)? nicht mehr sein$",
    r"\b(hoffe|wünschte|wünsche|will|möchte)\b.*\bwache? (\w+ ){0,2}(nie|nicht) (mehr|"
    r"wieder) auf\b",
    # The same wishes in a clause ("..., dass ich nicht mehr leben will").
    r"\bnicht mehr (leben|weiterleben|existieren|da sein|aufwachen) (will|möchte|mag|kann)\b",
    r"\bich\b(?:\s+\w+){0,3}\s+(sterben|tot sein) (will|möchte|wollte)\b",
    r"\bnie geboren\b",
    r"\b(besser|einfacher|leichter)( wäre es)?( für alle)? wenn ich (nicht mehr|tot|weg|nicht)"
    r"( da| hier)? (wäre|bin|sei)\b",
    r"\bwenn (alles|das alles|es) (endlich )?vorbei wäre\b",
    rf"\b(will|möchte|wünschte)( ich)?{_SOFT} dass (alles|es|das alles|der schmerz)"
    r"( endlich)? (vorbei ist|aufhört|endet)\b(?! zu\b)",
    r"\b(für immer|auf immer) verschwinden\b|\bverschwinden für immer\b|\bfür immer weg\b",
    r"\bweg für immer\b|\bnicht mehr existier|\bfür immer (schlafen|einschlafen)\b",
    r"\b(ein)?schlafen (und )?für immer\b",
    r"\bmich (\w+ ){0,2}(in luft )?auflösen\b(?! vor)",
    r"\bsollte (einfach |besser |lieber )?(weg|tot|nicht (mehr )?(da|hier) sein)\b",
    r"\bwenn ich (nicht mehr da|weg|tot|fort) wäre\b.*\b(niemand|keiner|niemandem|keinem|alle|froh|"
    r"besser)\b",
    r"\balles beenden\b|\bfür immer beenden\b|\b(es|alles)\b.*\bbeenden\b.*\bfür immer\b",
    r"\bletzte[rn]? tag\b.*\bschluss\b|\bschluss\b.*\bletzte[rn]? tag\b",
    r"\bwünschte,? ich wäre (\w+ )?nicht mehr (da|hier|am leben)\b",
    r"\b(besser|am besten|leichter|einfacher|egal|froh)\b.*\bwenn ich (sterbe|sterben würde|"
    r"tot (bin|wäre)|"
    r"nicht mehr (da|hier) (bin|wäre))\b",
    r"\b(sollte|will|möchte|wünschte|würde am liebsten)\b(?:\s+\w+){0,3}\s+verschwinden\b"
    r"(?!\s+(und\s+(urlaub|ausschlafen|schlafen|ferien)|in den urlaub|ins bett|nach hause|für (ein|"
    r"eine|"
    r"zwei|ein paar)|aus dem büro|im bett|unter die decke))",
    r"\bwenn ich (tot|nicht mehr da|nicht mehr am leben) wäre\b|\bwenn ich tot bin\b",
    r"(^|\bich )(kann|will)( \w+){0,2} nicht mehr weiter$",
    r"\bso (kann|will) ich nicht (mehr )?(weiter)?leben\b|\bso nicht (mehr )?weiterleben\b",
    # Said on its own, the sentence the sources quote; with an object after it, it is not.
    r"(^|\bich |\bund )(will|mag|kann)(\s+(einfach|echt|wirklich|so|überhaupt|halt|jetzt|auch|"
    r"das alles|alles))* nicht mehr$",
    r"^(ich )?(will|kann) (das )?alles nicht mehr\b",
    r"\begal,? (wenn|ob) ich (morgen |heute |bald )?(sterbe|sterben würde|tot wäre|"
    r"nicht mehr aufwache)\b",
    r"\b(wünschte|hoffe|wünsche mir)\b.*\bmich (\w+ )?(überfahren|überfährt|erwischt)\b",
)

_HOPELESS = (
    r"(?<!macht )(?<!ergibt )(?<!machen )\bkeinen sinn mehr\b(?! (darin|in|für|mit))",
    r"\b(leben|alles|das alles) (hat )?keinen sinn\b(?! (darin|in|für|mit))",
    r"\b(leben|alles) ist sinnlos\b|\bsinnlos zu leben\b",
    r"\bwozu (soll ich )?(noch )?(weiter)?leben\b|\bwofür (soll ich )?(noch )?(weiter)?leben\b",
    r"\bwarum (sollte|soll) ich (überhaupt |noch |überhaupt noch )*(weiter)?leben\b",
    r"\bnichts,? wofür es sich (zu leben )?lohnt\b|\bnicht (mehr )?lebenswert\b",
    r"\bnichts (mehr )?,? ?wofür ich (noch )?lebe\b",
    r"\bkeinen ausweg\b|\bkein ausweg\b",
    r"\bkeinen grund (mehr )?(zu leben|zum leben|weiterzuleben|am leben zu bleiben)\b",
    r"\baufgegeben zu leben\b|\bdas leben aufgegeben\b|\bgenug (vom|von meinem|von dem) leben\b",
    r"\b(wird|werde) (nie|niemals) (wieder |mehr )?besser\b(?! mit)",
    r"\b(keine|jede) hoffnung (mehr|verloren)\b",
    r"\b(alles|leben|ich|es|mein leben) (ist |bin |fühlt sich )?(so |total |völlig |einfach |"
    r"doch )?"
    r"hoffnungslos\b(?! (verliebt|romantisch|überfordert|unterlegen|veraltet|zu spät|verloren im))",
    r"\b(habe|hab|gibt es für mich|sehe) (\w+ )?keine zukunft\b",
    r"\b(das|mein|dieses) leben nicht mehr\b",
    r"\bkeine kraft mehr (zu leben|zum leben|für das leben|fürs leben|weiterzuleben)\b",
    r"\bleid,? zu (leben|existieren)\b|\b(müde|satt) (vom|von meinem|von dem) leben\b|"
    r"\blebenssatt\b",
    r"\b(keinen bock|keine lust|keine kraft|keinen mut|keinen willen) (mehr )?(zu leben|zum leben|"
    r"weiterzuleben|auf (das|dieses|mein) leben)\b",
    r"\b(nicht mehr|weg|raus|schluss|ende)\b.*\b(diesem|meinem) leben\b|"
    r"\b(diesem|meinem) leben\b.*\b(nicht mehr|ein ende)\b",
    r"\bkeinen bock mehr auf (dieses|das|mein) leben\b|\bkeine lust mehr (auf das|aufs|auf mein|"
    r"zu) leben\b",
    r"\bich hasse mich( selbst| so sehr)?\b(?! (dafür|für|wenn|weil|manchmal))",
    r"\bich bin (\w+ )?(nichts wert|wertlos)\b|\bich bin ein nichts\b",
    r"\b(mein leben|ich)\b(?:\s+\w+){0,2}\s+nichts (mehr )?wert\b|"
    r"\bmein leben ist (\w+ )?wertlos\b",
    r"\b(leben|mein leben|alles)\b(?:\s+\w+){0,2}\s+(macht|ergibt|hat) (\w+ )?keinen sinn\b",
)

_BURDEN = (
    r"\bohne mich\b.*\b(besser|glücklicher|leichter|einfacher)\b",
    r"\b(besser|glücklicher) dran ohne mich\b",
    r"\b(besser|leichter|einfacher|glücklicher)\b.*\bohne mich\b",
    r"\b(niemand|keiner) braucht mich\b",
    r"\b(nur |bloß )?(eine )?last (für|auf) (alle|euch|alle anderen|meine familie|jeden)\b",
    r"\b(allen|euch|jedem|meiner familie)( nur| bloß)? zur last\b",
    r"\bbin (nur |bloß |allen |euch |doch )*eine last\b",
    r"\b(niemand|keiner|kein mensch) (würde|wird) (mich vermissen|um mich trauern|"
    r"an mich denken)\b",
    r"\b(niemand|keiner) würde (es )?merken,? wenn ich (weg|tot|nicht mehr da)\b",
    r"\b(niemand|keiner|niemandem|keinem)\b.*\bwenn ich (nicht mehr da|weg|tot|fort) wäre\b",
    r"\b(froh|erleichtert|glücklicher|besser dran),? wenn ich (weg|tot|nicht mehr da|fort)\b",
    r"\bkeine sorgen mehr um mich machen\b",
)

_TRAPPED = (
    r"\bhalte (das|es|das alles|das leben|dieses leben|mein leben|alles) (alles |"
    r"hier )?nicht mehr aus"
    r"\b(?! (mit|bei|in|wenn|vor)\b)",
    r"\bertrage (das|es|das leben|mein leben|das alles) nicht mehr\b",
    r"\b(kann|schaffe) (es |das )?(so )?nicht (mehr )?(weiterleben|weiterzuleben)\b",
)

_SELF_HARM = (
    r"\britze mich\b|\bmich (\w+ ){0,2}(ge)?ritzt\b|\bmich (\w+ ){0,2}ritzen\b",
    r"\bverletze mich (\w+ ){0,3}(selbst|selber)\b|\bmich (selbst|selber) (zu )?verletzen\b",
    r"\b(mich|mir) (selbst|selber) (verletzt|wehgetan|geschnitten|verbrannt|geschlagen)\b",
    r"\b(will|möchte|muss|werde)( mir| mich)?( selbst| selber)? (wehtun|verletzen|ritzen)\b",
    r"\b(will|möchte|muss) mir (selbst |selber )?wehtun\b",
    r"\b(tue|tun) mir (gleich |heute |noch |sonst )?(etwas|was) an\b",
    r"\bmir (etwas|was) (antun|anzutun|antue)\b",
    r"\bschneide mich (wieder|immer wieder|selbst|selber)\b(?!.*\b(beim|am|mit dem messer beim)\b)",
    r"\bselbstverletz",
    r"\bschneide mir (\w+ ){0,2}(arme?|handgelenke?|beine?|haut|oberschenkel)\b",
    r"\bpulsadern?\b",
    r"\bmir\b(?:\s+\w+){0,3}\s+(arme?|handgelenke?|haut|beine?|oberschenkel) (\w+ )?"
    r"(aufgeschnitten|aufschneiden|aufgeritzt|aufritzen|zerkratzt|verbrannt)\b",
)
# Hurting oneself said plainly ("ich habe mich verletzt") is an accident, as German uses it;
# with a word of intent ("absichtlich", "selbst") and no accident around it, it is self-harm.
_HARM = re.compile(
    r"\b(mich|mir)\b(?:\s+\w+){0,5}\s+(verletzt|geschnitten|verbrannt|wehgetan|geschlagen|"
    r"geritzt|verletze|schneide|verbrenne|schlage)\b"
)
_INTENT = re.compile(r"\b(absichtlich|mit absicht|bewusst|um mich zu bestrafen|selbst|selber)\b")

_PLAN = (
    r"\btabletten (ge)?sammel|\bsammle (schon |seit wochen |heimlich )?(tabletten|pillen|"
    r"medikamente)\b",
    r"\b(tabletten|pillen|medikamente)\b(?:\s+\w+){0,4}\s+(gehortet|gebunkert|gespart|zurückgelegt|"
    r"gesammelt)\b",
    r"\b(überlegt|geplant|ausgedacht|weiß( schon| genau)?),? wie ich es (mache|machen werde|tue|"
    r"tun werde)$",
    r"\b(nehme|schlucke|nehmen|schlucken)\b(?:\s+\w+){0,3}\s+alle (meine |die )?\w*"
    r"(tabletten|pillen|medikamente)\b",
    r"\bwie viele (tabletten|pillen) (tödlich|reichen)\b",
    r"\b(gegoogelt|gesucht|nachgeschaut|recherchiert)\b.*\b(umbringt|umbringen|sterben|tödlich|"
    r"suizid)\b",
    r"\bplan,? wie ich (mich|es)\b|\bweiß (schon |genau )+wie ich es (machen|tun) werde\b",
    r"\brasierklingen? (\w+ )?(besorgt|bereitgelegt|versteckt)\b|\bmir einen (strick|strang)\b|"
    r"\b(strick|seil|waffe|pistole) (besorgt|gekauft)\b",
    r"\b(von|vor) (der|die|einer|eine|den|einen|dem) (brücke|zug|hochhaus|dach|u bahn|s bahn|lkw)\b"
    r".*\b(springen|werfen|springe|werfe|zu springen)\b",
    r"\b(springen|werfen) (von|vor) (der|die|den|einen|einer|eine) (brücke|zug|hochhaus|dach|"
    r"lkw)\b",
    r"\b(fenster|balkon|brücke|hochhaus|dach|gleise|klippe|zug|bahn)\b(?:\s+\w+){0,3}\s+"
    r"(springe|springen|stürze|stürzen|werfen|werfe)\b",
)

_GOODBYE = (
    r"\babschiedsbrief",
    r"\bletzte mal,? dass (du|ihr) (\w+ )?von mir (hörst|hört)\b|\bnie wieder von mir (hören|"
    r"hörst)\b",
    r"\bvon allen verabschiedet\b|\bverabschiede mich (von allen|für immer|von euch)\b",
    r"\bletzte[nrs]? (schritt|mal|tag)\b.*\bfür immer\b",
    r"\b(bald|nicht mehr lange) nicht mehr (da|hier|am leben)\b",
    r"\bwerde bald (nicht mehr da sein|weg sein|tot sein)\b",
    r"\b(musst|müsst|brauchst) mich (bald|nicht mehr lange) nicht mehr\b|"
    r"\bbald nicht mehr erinnern\b",
    r"\bverschenkt\b.*\bnicht mehr brauche\b|\bbrauche (sie|das|die|es|nichts|"
    r"sie alle) bald nicht mehr\b",
    r"\btestament (gemacht|geschrieben|aufgesetzt|fertig)\b|\b(letzten dinge|"
    r"angelegenheiten) (\w+ )?geregelt\b",
    r"\bsag (meiner|meinem|meinen) \w+,? dass (es mir leid tut|ich sie liebe|ich ihn liebe)\b",
)

_CRISIS = any_of(
    _WANTING_TO_DIE,
    _NOT_WANTING_TO_BE_HERE,
    _HOPELESS,
    _BURDEN,
    _TRAPPED,
    _SELF_HARM,
    _PLAN,
    _GOODBYE,
)

# -- the general rule: dying or not existing, wished, planned or accepted by the speaker ------
#
# No list names every way of saying it ("mir ist egal, ob ich lebe", "ich will endlich meine
# Ruhe, für immer"). Beyond the families: a word of dying or not existing, said by someone
# speaking of themselves, with a word of wishing, planning or not minding, is a crisis, unless
# the dying belongs to an idiom ("ich sterbe vor Hunger", "nach dem Training bin ich tot") or
# to someone or something else ("mein Handy ist tot", "meine Oma ist gestorben").

_ENDING = re.compile(
    r"\b(sterben|sterbe|tot|tod|leben beenden|nicht mehr leben|nicht mehr (da|hier|am leben)|"
    r"nicht mehr existieren|für immer schlafen|(nie|nicht) (mehr |wieder )+aufwachen|"
    r"(mein|das) leben (ist )?(vorbei|zu ende)|aufhängen|erhängen|erschießen|überdosis|"
    r"schlaftabletten|tödlich|ob ich lebe|ob ich (noch )?am leben bin|von mir hör)\w*"
)
_SPEAKER = re.compile(r"\b(ich|mich|mir|mein|meine|meinem|meinen|meiner)\b")
_WISH = re.compile(
    r"\b(will|möchte|wollte|wünschte|wünsche|hoffe|plane|geplant|überlegt|überlege|werde|würde|"
    r"egal|lieber|besser|bereit|entschieden|heute nacht|bald|endlich|für immer|genug|nehme|"
    r"letzte mal|wie viele|reicht|am besten|am liebsten|denke|gedanken?|sollte|um zu)\b"
)
_NOT_MINE = re.compile(
    r"\bvor (hunger|durst|lachen|langeweile|hitze|kälte|angst|müdigkeit|neugier|sehnsucht)\b|"
    r"\bzum sterben (schön|langweilig|gut)\b|\btodmüde\b|\btotgelacht\b|\btodsicher\b|"
    r"\btot (vom|nach dem|nach|von der) \w+|\bnach dem \w+ bin ich (\w+ )?tot\b|"
    r"\btödlich (langweilig|schön|gut|ernst)\b|\blieber sterben als\b|"
    r"\bfür (ein|eine|einen|pizza|kuchen|schokolade)\b.*\bsterben\b|"
    r"\b(handy|akku|laptop|pflanze|pflanzen|auto|batterie|computer|fernseher|blumen|motor|"
    r"gespräch|witz|party) (\w+ )?(ist |sind |war )?(tot|gestorben|eingegangen)\b|"
    r"\b(oma|opa|vater|mutter|mama|papa|hund|katze|freund|freundin|onkel|tante|bruder|schwester|"
    r"mann|frau|nachbar|nachbarin|kollege|kollegin|er|sie) (\w+ )?(ist |sind )?(gestorben|tot|"
    r"stirbt)\b|"
    r"\btod (meines|meiner|von)\b"
)


# A word of dying or not existing, about the speaker, with a wish or a plan (see above).
_wished_ending = WishedEnding(_ENDING, _WISH, _SPEAKER, _NOT_MINE)
# -- injuries: sympathy, rest and a smaller step, never the crisis answer ---------------------

_BODY = (
    r"(knie|rücken|fuß|füße|bein|beine|knöchel|hüfte|nacken|schulter|schultern|arm|arme|hand|"
    r"hände|handgelenk|kopf|zeh|zehen|finger|muskel|muskeln|wade|waden|oberschenkel|ferse|"
    r"sprunggelenk|ellbogen|hals)"
)
_INJURY = re.compile(
    r"\b(mich|mir)\b(?:\s+\w+){0,5}\s+(verletzt|verstaucht|verknackst|verrenkt|gezerrt|"
    r"gebrochen|geprellt|aufgeschlagen|gestoßen|geschnitten|verbrannt|wehgetan|ausgerenkt|"
    r"angebrochen|zugezogen|verdreht|getan|schneide|verletze|verbrenne|stoße)\b"
    r"|\b(schneide|verletze|verbrenne|stoße) mich\b"
    rf"|\b{_BODY}\b(?:\s+\w+){{0,3}}\s+(tut|tun|schmerzt|schmerzen|brennt|ist geschwollen|"
    r"sind geschwollen|ist dick|bringt|bringen)\b"
    rf"|\bbringt meine {_BODY} um\b"
    r"|\b(tut|tun)\b(?:\s+\w+){0,4}\s+weh\b|\bschmerzt\b"
    r"|\b(zerrung|prellung|blase|blasen|muskelkater|hexenschuss|krampf|wadenkrampf|verstauchung|"
    r"bänderriss|schmerzen|rückenschmerzen|knieschmerzen|nackenschmerzen|kopfschmerzen|"
    r"verletzung)\b"
    r"|\b(hingefallen|gestürzt|ausgerutscht|umgeknickt|gestolpert|runtergefallen|hingeflogen)\b"
    r"|\bvom (fahrrad|rad|pferd|stuhl|roller) gefallen\b|\bbin verletzt\b"
)
# What makes a cut or a burn part of the day, not an injury: hair, vegetables, a hedge.
_NOT_A_HURT = re.compile(
    r"\b(haare|nägel|fingernägel|bart|pony|hecke|gemüse|brot|zwiebeln|rasen|papier zu)\b"
    r"(?!.*\b(mich|mir) .*(geschnitten|verletzt))"
)
_ACCIDENT = re.compile(
    r"\b(beim|bei|am|an der|an dem|aus versehen|versehentlich|unfall|hingefallen|gestürzt|"
    r"ausgerutscht|umgeknickt|gestolpert|als ich)\b"
)


def assess(words: str, model_says_crisis: bool = False) -> Concern:
    """What normalised words call for: the crisis answer, sympathy for an injury, or nothing.

    `model_says_crisis` is a learnt model's view (none is shipped for German yet); the rules
    add what they know of accidents ("ich habe mich beim Kochen geschnitten" is an injury).
    """
    everyday = _NOT_A_HURT.search(words) is not None and not _ACCIDENT.search(words)
    on_purpose = (
        _HARM.search(words) is not None
        and _INTENT.search(words) is not None
        and not _ACCIDENT.search(words)
        and not everyday
    )
    if (
        _CRISIS.search(words) is not None
        or _wished_ending(words)
        or on_purpose
        or model_says_crisis
    ):
        return Concern.CRISIS
    if _INJURY.search(words) and not everyday:
        return Concern.INJURY
    return Concern.NONE
