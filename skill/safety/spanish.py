"""Spanish rules for words of crisis or self-harm (the phrase families and the general rule).

Matching is on phrases, never single words, and follows the warning signs that US crisis
services publish in Spanish (NIMH's "Prevención del suicidio", the Office on Women's Health's
"Prevención del suicidio", the 988 Lifeline's list as health services reprint it; see
tests/safety/es/SOURCES.md): hablar de querer morir o de suicidarse; sentirse sin esperanza o
sin razón para vivir; sentirse atrapado o con un dolor insoportable; ser una carga; querer
desaparecer o dormir y no despertar; despedirse o regalar las cosas; autolesiones (cortarse,
quemarse, golpearse a propósito); un plan o los medios (juntar pastillas, buscar cómo).

Spanish speaks of death in everyday idioms far more than English does: "me muero de hambre",
"me muero de ganas de probar yoga", "estoy muerta de cansancio", "esta caminata me está
matando", "me maté estudiando", "me quiero morir de la vergüenza". Each family keeps its
look-alikes out explicitly, and so does the general rule. An injury ("me lastimé la rodilla
caminando", "me corté el dedo cocinando") gets sympathy and rest, never the crisis answer;
the same verbs with "a propósito" or with the wrists ("me corté las muñecas") are self-harm.
When in doubt the check leans toward help.

Words are normalised first (lower case, accents and "ñ" folded, punctuation dropped), so each
pattern is written once, without accents, and matches speech recognised with or without them.
"""

from __future__ import annotations

import re
import unicodedata

from skill.safety.concern import Concern
from skill.safety.rules import WishedEnding, any_of


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation ("¿Para qué sigo?" -> "para que sigo")."""
    folded = unicodedata.normalize("NFD", text.lower().replace("\u2019", "'"))
    words = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]", " ", words)
    return " ".join(words.split())


# Idioms of dying and killing that are about hunger, laughter, tiredness, shame or work.
_IDIOM_DE = (
    r"de (la |el )?(risa|verguenza|pena|hambre|sueno|frio|calor|ganas|aburrimiento|envidia|"
    r"cansancio|miedo|sed|nervios|amor|gusto|coraje|flojera|emocion|curiosidad)\b"
)

# Where or how one lives: "no quiero vivir en esta ciudad" is about a place, not about living.
_SOMEWHERE = r"(en|con|cerca|lejos|aqui|alla|junto|de|rentando)\b"

# -- crisis, by family of warning sign ------------------------------------------------------

_WANTING_TO_DIE = (
    rf"\b(me )?(quiero|quisiera|queria) morir(me)?\b(?! {_IDIOM_DE})",
    rf"\b(ganas|deseos) de morir(me)?\b(?! {_IDIOM_DE})",
    r"\b(quiero|quisiera|voy a|pienso|ganas de|deseo|planeo|decidi) "
    r"(matarme|suicidarme|quitarme la vida)\b",
    r"\bme (quiero|voy a) matar\b(?! (estudiando|trabajando|haciendo|en el|en la|de (la )?risa)\b)",
    r"\bmejor me mato\b|\bsuicid",
    r"\b(acabar|terminar) con (mi vida|todo)\b",
    r"\bquitarme la vida\b|\b(darme|pegarme|me (doy|pego|quiero dar|quiero pegar|voy a dar|"
    r"voy a pegar)) un tiro\b",
    r"\b(ojala|quisiera) (estuviera|estar) muert[oa]\b|\bquiero estar muert[oa]\b",
    r"\b(prefiero|preferiria) estar muert[oa]\b|\bestaria mejor muert[oa]\b",
    rf"\bno quiero (seguir )?vivir\b(?! {_SOMEWHERE}|solo\b|sola\b)",
    rf"\bno quiero seguir (viviendo|viv[oa])\b(?! {_SOMEWHERE})",
    r"\bno quiero vivir mas\b",
)

_NOT_WANTING_TO_BE_HERE = (
    r"\bdormir(me)? y no despertar",
    r"\b(ojala|quisiera|quiero) no despertar(me)?\b(?! (temprano|tarde|a las|antes|tan)\b)",
    r"\bojala no (me )?despierte\b(?! (temprano|tarde|a las|antes|tan)\b)",
    r"\bdormir para siempre\b|\bno despertar (nunca|jamas)( mas)?\b",
    r"\bno quiero (estar|seguir) (vivo|viva|aqui|en este mundo)\b",
    r"\bno quiero existir\b|\bdejar de existir\b|\bojala no existiera\b",
    r"\bno haber nacido\b|\bnunca hubiera nacido\b",
    r"\b(cansad[oa]|hart[oa]) de vivir\b|\bme canse de vivir\b",
)

_HOPELESS = (
    r"\b(no tengo|sin) (ninguna |ningun )?(razon|razones|motivo|motivos) (para|por (la |las |el )?"
    r"(que|cual|cuales)) vivir\b",
    r"\bnada por (el )?(que|lo que|cual) vivir\b",
    r"\b(la|mi) vida no (tiene|le veo) sentido\b",
    r"\bno le veo (el )?sentido a (la vida|vivir|mi vida|seguir viviendo)\b",
    r"\bya nada tiene sentido\b",
    r"\b(la|mi) vida no vale (la pena|nada)\b",
    r"\bpara que (sigo|seguir) (viviendo|vivo|vivir)\b",
    r"\bnada va a mejorar\b|\bnunca va a mejorar\b",
    r"\bno (hay|le veo|veo) (ninguna )?salida\b",
    r"\b(ya )?nada importa( ya)?\b",
    r"\b(perdi|se me quitaron|se me fueron|no tengo) las ganas de vivir\b",
)

_BURDEN = (
    r"\bmejor sin mi\b",
    r"\b(soy|me siento|me siento como) (una|un) (carga|estorbo)\b",
    r"\bnadie me (extranaria|va a extranar|echaria de menos|va a echar de menos)\b",
    r"\ba nadie le (importaria|importa|va a importar) si me muero\b",
    r"\balivio para todos si\b",
    r"\bno (voy a ser|sere) (un )?problema para nadie\b",
)

_DISAPPEAR = (
    r"\b(quiero|quisiera|me gustaria) desaparecer\b(?! (un|una|unos|unas|el|la|los|las|de la|"
    r"del trabajo|de aqui|por|hasta|a la|al|mis|tus)\b)",
    r"\bdesaparecer para siempre\b",
)

_TRAPPED = (
    r"\bya no puedo mas\b(?! (con (el|la|los|las|este|esta|estos|estas|tanto|tanta)|"
    rf"{_IDIOM_DE})\b)",
    r"\bya no aguanto (mas|esta vida|vivir)\b(?! (el|la|los|las|este|esta|con)\b)",
    r"\bno (lo )?soporto mas\b|\bno soporto (vivir|la vida|mi vida)\b",
    r"\bquiero que todo (se acabe|termine|acabe|se termine)\b",
    r"\b(ya )?no puedo seguir (asi|viviendo)\b",
    r"\batrapad[oa]\b.*\bsalida\b",
)

_SELF_HARM = (
    r"\bautolesi",
    r"\b(quiero|ganas de|voy a) (cortarme|cortar)\b(?! (el|la|los|las|mi|mis) "
    r"(pelo|cabello|unas|fleco|barba|pelito|puntas)\b)",
    r"\bme (quiero|voy a) cortar\b(?! (el|la|los|las|mi|mis) (pelo|cabello|unas|fleco|barba|"
    r"pelito|puntas)\b)",
    r"\bme (estoy|he estado|sigo|volvi a) cortando\b(?! (el|la|las|los) (pelo|cabello|unas)\b)",
    r"\bme (corte|corto|cortaba) (las munecas|la muneca|los brazos|el brazo|las piernas|la piel)\b",
    r"\bme (corto|corte|lastimo|lastime|quemo|queme|pego|pegue|golpeo|golpee|hago dano|hice dano)"
    r"\b.*\ba proposito\b",
    r"\b(quiero|me quiero|ganas de) (hacerme|hacer) dano\b|\bme quiero hacer dano\b",
    r"\b(quiero|ganas de) (lastimarme|herirme|quemarme|golpearme)\b",
    r"\bme pego a mi mism[oa]\b",
)

_PLAN = (
    r"\b(juntando|guardando|acumulando) (pastillas|pildoras|medicinas)\b",
    r"\btomar(me)? todas (las|mis) (pastillas|pildoras)\b",
    r"\b(busque|buscando|investigue) (en internet )?como (matarme|suicidarme|morir)\b",
    r"\bcuantas pastillas\b.*\bmorir\b",
    r"\bya se como lo voy a hacer\b",
    r"\bun plan para (matarme|suicidarme|morir|quitarme la vida)\b",
    r"\b(pistola|arma|cuerda|soga)\b.*\bmatarme\b",
    r"\bme voy a (tirar|aventar|lanzar|echar)\b.*\b(puente|edificio|azotea|vias|tren|balcon|"
    r"ventana|precipicio)\b",
    r"\bme voy a colgar\b(?! (la|el|los|las|de|mi)\b)",
)

_GOODBYE = (
    r"\bcarta de despedida\b|\bcuando ya no este\b",
    r"\bme estoy despidiendo de todos\b|\bdespedirme de todos\b",
    r"\badios para siempre\b|\besto es un adios\b|\bme voy para siempre\b",
    r"\bregale mis cosas\b|\bregalando mis cosas\b|\bhice mi testamento\b",
    r"\bno voy a estar aqui mucho tiempo\b|\bpronto ya no (van a saber|sabran) de mi\b",
)

# -- the general rule: dying, wished or planned by the speaker --------------------------------

_ENDING = re.compile(
    r"\b(morir(me)?|muert[oa]|muera|muriera|matarme|quitarme la vida|no estar viv[oa]|"
    r"dejar de existir|no despertar)\b"
)
_SPEAKER = re.compile(r"\b(yo|me|mi|mis|conmigo)\b")
_WISH = re.compile(
    r"\b(quiero|quisiera|ojala|ganas|deseo|pienso|planeo|voy a|prefiero|mejor|decidi|"
    r"no me importaria|seria mejor|esta noche|pronto|para siempre)\b"
)
_NOT_MINE = re.compile(
    rf"\b(muero|muere|morir|muert[oa]s?|morirme|matarme|mato|matar) {_IDIOM_DE}|"
    r"\b(celular|bateria|telefono|planta|plantas|carro|coche|computadora|tele|conversacion|"
    r"fiesta|motivacion|piernas|pies)\b.*\b(murio|muerto|muerta|muertos)\b|"
    r"\b(murio|se murio|fallecio|murieron)\b|\bpelicula\b|\bserie\b|\bde muerte\b"
)


# A word of dying, about the speaker, with a wish or a plan, outside any idiom.
_wished_ending = WishedEnding(_ENDING, _WISH, _SPEAKER, _NOT_MINE)
_CRISIS = any_of(
    _WANTING_TO_DIE,
    _NOT_WANTING_TO_BE_HERE,
    _HOPELESS,
    _BURDEN,
    _DISAPPEAR,
    _TRAPPED,
    _SELF_HARM,
    _PLAN,
    _GOODBYE,
)

# -- injuries: sympathy and rest, never the crisis script ------------------------------------

_BODY = (
    r"(rodilla|rodillas|espalda|pie|pies|tobillo|tobillos|cuello|hombro|cadera|pierna|piernas|"
    r"muneca|brazo|mano|cabeza|dedo|codo|pantorrilla|muslo|talon|cintura|cuerpo)"
)
_INJURY = re.compile(
    r"\bme (lastime|lesione|torci|desgarre|jale|golpee|raspe|corte|queme|cai|resbale|tropece|"
    r"rompi|fracture|pegue en|pique|hice dano)\b|\bme (duele|duelen|esta doliendo|dolio)\b|"
    r"\b(ampolla|ampollas|hinchad[oa]|esguince|calambre|tiron|desgarre|lesionad[oa])\b|"
    r"\bme (pico|mordio) (una|un)\b|\b(me )?(cai|resbale|tropece|rasgune|rasguno)\b|"
    rf"\bdolor (de|en) (la |el |los |las |mi |mis )?{_BODY}\b|\bme di un golpe\b|\bdoliendo\b|"
    rf"\b(musculo|tendon) (jalado|desgarrado|lastimado)\b|\b{_BODY} (mala|malo|lastimad[oa]s?)\b|"
    rf"\b{_BODY} me (esta|estan) matando\b|\bme (esta|estan) matando (el|la|los|las) {_BODY}\b"
)


def assess(words: str, model_says_crisis: bool = False) -> Concern:
    """What normalised words call for: the crisis answer, sympathy for an injury, or nothing.

    `model_says_crisis` is a statistical model's view, if the language has one; the rules add
    what they know of accidents and idioms.
    """
    if _CRISIS.search(words) is not None or _wished_ending(words) or model_says_crisis:
        return Concern.CRISIS
    if _INJURY.search(words):
        return Concern.INJURY
    return Concern.NONE
