"""English rules for words of crisis or self-harm (the phrase families and the general rule).

Matching is on phrases, never single words, and follows the warning signs that crisis lines
publish (988 Lifeline, NIMH, Samaritans, NHS, Lifeline Australia): talking about wanting to
die or to kill oneself; feeling hopeless or having no reason to live; feeling trapped or in
unbearable pain; being a burden to others; wanting to disappear or sleep for ever; saying
goodbye or giving things away; self-harm; a plan or the means. Each family below is written
as people say it, and each has its everyday look-alikes kept out explicitly: an injury ("I
hurt myself on the walk"), an idiom ("this walk will kill me", "I'm dying to try yoga"), a
time-bounded complaint ("I just want this week to be over"). When in doubt, the check leans
toward help: a person in crisis who hears a coaching reply is the worse mistake.

The words are normalised first (lower case, contractions spelled out, "wanna" as "want to"),
so each pattern is written once.
"""

from __future__ import annotations

import re

from skill.safety.concern import Concern
from skill.safety.rules import Accidents, WishedEnding, any_of, judge

_CONTRACTIONS = (
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bgotta\b", "got to"),
    (r"\bcan't\b|\bcant\b|\bcannot\b", "can not"),
    (r"\bwon't\b|\bwont\b", "will not"),
    (r"\bn't\b", " not"),
    (r"n't\b", " not"),
    (r"\bi'm\b|\bim\b", "i am"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    (r"\b(it|that|there|what|life|everything|everyone|he|she)'s\b", r"\1 is"),
    (r"'s\b", ""),
)


def normalise(text: str) -> str:
    """Lower-case words with contractions spelled out and punctuation dropped."""
    words = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _CONTRACTIONS:
        words = re.sub(pattern, replacement, words)
    words = re.sub(r"[^\w\s]", " ", words)
    return " ".join(words.split())


# -- crisis, by family of warning sign ------------------------------------------------------

_WANTING_TO_DIE = (
    r"\bkill(ing|ed)? (my ?self|her ?self|him ?self|them ?selves)\b",
    r"\b(top|topping|off|offing) my ?self\b|\bunalive\b",
    r"\bwants to (die|be dead)\b",
    r"\bsuicid",
    r"\b(want|wanting|wanted|wish|wishing|going|hope|need) to (die|be dead)\b",
    r"\b(wish|wished) i (was|were|had been) dead\b",
    r"\b(rather|better off|better) be(ing)? dead\b|\bbetter off dead\b",
    r"\bend(ing)? (my|my own) life\b|\bt(ake|aking|ook) my (own )?life\b",
    r"\b(end|ending) it(?! (here|there|now|for (now|today)))( all)?\b",
    r"\bending things\b|\bend (it|everything) (all )?for good\b",
    r"\bdone with (life|living)\b(?! admin)",
    r"\bdone with everything\b(?! (for|today|now))",
    r"\b(want|need|wish) my life to (end|stop|be over)\b|\blife to (end|stop) for good\b",
    r"\bbefore i end (it|things|everything)\b|\bif i ended it\b",
)

_NOT_WANTING_TO_BE_HERE = (
    r"\bwish i (was|were) not (here|alive|around)\b",
    r"\bnever been born\b",
    r"\b(death|dying|being dead) (sounds|seems|feels|looks|would be) (\w+ )?(peaceful|nice|"
    r"good|like a relief|easier|better|welcome)\b",
    r"\bhope (it|the plane|the car|the bus|the train) crashes\b|\bhope i (get hit|crash|"
    r"get run over)\b",
    r"\b(sleep|asleep) and (never|not) wake up\b",
    r"\b(not|never) wake up\b(?! (on time|early|in time|before|at|till|until|til)\b)",
    r"\bnever woke up\b|\bwake up (ever )?again\b(?! (early|on time))",
    r"\bwant to (go to )?sleep (forever|for ever|and never)\b",
    r"\btired of (living|being alive|life)\b(?! (in|with|at|like|on))",
    r"\bnot (even )?want to (be alive|live|be here|exist|be around)\b",
    r"\bif i (was|were) not (alive|here|around)\b",
    r"\b(car|truck|bus|train) (just )?hits me\b",
    r"\b(not|never) plan on waking\b|\bsleep it is forever\b|\bat peace (for good|forever)\b",
    r"\blast day alive\b",
    r"\bshould not (even )?be here\b",
    r"\b(will not|not going to|may not) be alive\b|\bnot be alive (much longer|tomorrow|next)",
    r"\b(done|finished|through) (with )?(being alive|living)\b|\bdone living\b",
    r"\b(keep|go) on living\b|\bliving is (pointless|meaningless)\b",
    r"\bno meaning (for me|anymore)\b",
    r"\bcan not (live|cope) with (this|the) pain\b|\bcan not cope with (being alive|living)\b",
    r"\btoo much to (keep )?(living|live|go on)\b|\b(alive|living) (feels|is) unbearable\b",
    r"\bnot want to survive\b|\bthere will not be a (me|next week for me)\b",
    r"\bif i (died|was dead|were dead|ended it|ended my life)\b|\bend(ed|ing)? my life\b",
    r"\bgoing through with it\b|\bmaking sure of it\b|\btaking care of it myself\b",
    r"\b(exit|way out) (from|of) (life|this life|the world)\b|\bplanning my exit\b",
    r"\bnobody has to deal with me (ever again|anymore|permanently)\b",
    r"\bnot be a problem (for )?much longer\b|\blast \w+ i (will )?ever (do|have|make)\b",
    r"\b(after|when|once|if) i (die|am dead|have died)\b|\bafter i am gone\b",
)

_HOPELESS = (
    r"\bpoint (of|in) (living|life|being alive|going on|anything|it all|existing)\b",
    r"\b(see|is) (the |any |no )?point anymore\b",
    r"^what is (even )?the point( anymore)?$",
    r"\bno point (to|in) (my )?(life|living)\b",
    r"\b(nothing|things|it) (will|is|are) (ever |never )?(going to )?(ever )?get better\b",
    r"\bnever (going to )?get better\b",
    r"\b(no|see a|only) way out\b",
    r"\bnothing (left )?to live for\b",
    r"\bnothing (left )?worth (living|staying alive|being alive) for\b",
    r"\b(lost|no|lost all|losing) (the )?will to live\b",
    r"\bgive?n? up on (life|living)\b|\bgave up on (life|living)\b",
    r"\bpoint (of|in) (me )?(living|being alive|existing|staying alive)\b",
    r"\bwhy (i )?(should|would|do) (i )?(even )?(stay|keep|be) (alive|living)\b",
    r"\bwhy bother (living|being alive|staying alive)\b",
    r"\b(not|never|no longer) (want to|going to|able to) (go on|keep( on)?) living\b",
    r"\b(no|any|not a) reason (for me )?to (keep )?(live|living|go on|be alive|keep going)\b",
    r"\blife is (pointless|not worth)\b|\bnot worth living\b",
    r"\bno hope (for me|left)\b|\blost all hope\b|\beverything is hopeless\b",
    r"\b(not|never) have a future\b",
    r"\bwhy (should|would|do) i (even )?(keep )?(living|live|go on|stay alive|be alive)\b",
    r"\bwhy i am still alive\b|\bnothing matters anymore\b",
    r"\btired of everything\b|\bnot care what happens to me\b",
    r"\bi am worthless\b|\bnobody loves me\b|\bno one loves me\b|\bwaste of space\b",
    r"^i hate myself$|\bi hate myself(?! for)\b",
)

_BURDEN = (
    r"\bbetter off without me\b",
    r"\bbetter off if i (was|were|am) (gone|dead|not (here|around))\b",
    r"\bbetter off with the life insurance\b",
    r"\b(no one|nobody|anyone|who) would (even )?miss me\b|\bwould anyone (even )?miss me\b",
    r"\b(care|notice) if i (was|were) (gone|dead)\b|\b(care|notice) if i died\b",
    r"\bi am (just |such |only |nothing but |too much of )?a burden\b",
    r"\bfeel (like )?(such |just )?a burden\b|\btoo much of a burden\b",
    r"\b(better|kinder|easier)( for (them|everyone|everybody|my \w+))? if i (just )?"
    r"(was|were) (not alive|gone|dead|not here|not around)\b",
    r"\bburden (to|on) (everyone|everybody|them all|you all|the world)\b",
    r"\b(happier|easier|better) (off )?(without me|if i (was|were) not (here|around|alive))\b",
)

_DISAPPEAR = (
    r"\b(want to|wish i could|going to|would like to) (just )?"
    r"(disappear|vanish|evaporate|fade away)"
    r"\b(?! (into|for a|for an|until|from work))",
    r"\bdisappear (forever|for good|and never|off the face)\b",
    r"\bmake myself disappear\b",
    r"\bstop existing\b|\b(wish i|want to|would rather) (did )?not exist\b",
    r"\bnot want to exist\b|\bjust want to not exist\b",
    r"\bgo away forever\b|\bnever (come back|be seen again)\b|\bbe gone for good\b",
    r"\bno one would remember me\b",
)

_TRAPPED = (
    r"\bcan not take it (anymore|any more)\b",
    r"\bcan not do (this|it|life|any of this) (anymore|any more)\b",
    r"\bcan not go on\b(?! (the|a|my|with|to|for|today)\b)",
    r"(?<!not )\b(want|need) (it all|everything|it) (all )?to (stop|end|be over)\b",
    r"\bwant it over with\b|\bwant it all over\b",
    r"\bthe pain will not stop\b|\bevery day hurts\b",
    r"\bcan not bear (this|the) pain\b|\bpain is unbearable\b",
    r"\bcan not (handle|cope with) (living|life)\b|\bcan not cope anymore\b",
    r"\bcan not keep (living|going)\b",
    r"\b(hurts|painful|torture|unbearable)( so much)?( just)? (to be|being) alive\b",
    r"\bbeing alive (hurts|is torture|is unbearable|is too much)\b",
    r"\bcan not (bear|handle|stand|take) (being alive|living|life|another day)\b",
    r"\b(death|dying) (seems|is|looks|feels) like the (only|best) "
    r"(way|exit|option|answer|escape)\b",
    r"\bonly (way|exit|escape)\b.*\b(die|dead|death|dying)\b",
    r"\b(stops|ends|will stop|will end) (is )?if i am dead\b",
    r"\bexcept dying\b|\bno escape\b",
    r"\btrapped in my life\b",
    r"\bcan not hold on (anymore|any longer)\b|\bend of my rope\b(?! (with|about|over)\b)",
    r"^i want out$",
)

_SELF_HARM = (
    r"\bself ?harm",
    r"\burge to (cut|hurt|harm|burn)\b",
    r"\b(cutting|burning|scratching) my (arm|arms|wrist|wrists|leg|legs|skin|thighs?)\b",
    r"\bscratch\w* .*\b(until|till) (they|it|i) bleeds?\b",
    r"\b(hit|hitting|punch|punched|punching|starve|starving) myself\b",
    r"\b(cut|cutting|slit|slitting|slashed?) (my )?wrists?\b|\bfeel like cutting\b",
    r"\bblade to my\b|\b(till|until) it bleeds\b|\bneed to (hurt|cut|harm) my ?self\b",
    r"\bstop cutting\b(?! (down|back|out|sugar|carbs))|\bnot cut myself\b",
    r"\b(hurt|hurting|cut|cutting|burn|burned|burning|harm|harming) my ?self again\b",
    r"\bon purpose\b.*\b(pills|myself|my head|my arm)\b|\b(pills|myself|my head)\b.*\bon purpose\b",
    r"\b(want|wanting|feel like|urge to|keep|been|going) (to )?"
    r"(cut|cutting|hurt|hurting|harm|harming|burn|burning) my ?self\b",
    r"\b(razor|blade|lighter) (on|to|into|across) my "
    r"(arm|arms|wrist|wrists|leg|legs|skin|thighs?)\b",
    r"\b(keep|kept|been) wanting to cut\b|\bwant to cut (again|tonight)\b|\bdid s h\b",
    r"\bcarv\w* (into )?my (arm|arms|wrist|wrists|leg|legs|skin|thighs?|stomach)\b",
)

_PLAN = (
    r"\b(pills|meds|medication|tablets) (saved|stockpiled)\b",
    r"\b(saving up|stockpil\w*|hoard\w*) (my |all my )?(pills|meds|medication|tablets)\b",
    r"\bsuicide (note|letter)\b|\bnote for my \w+ for after\b|\bafter i am gone\b",
    r"\b(looked up|googled|google|researching|researched|searched( online)? for) "
    r"(how to (kill|die|end)|ways to die|the easiest way to die|how many pills)",
    r"\b(ways?|how) to die\b",
    r"\b(would|does|will|it) (it )?take to (kill|die)\b|\benough to (kill|die)\b",
    r"\bhigh enough to (jump|die|kill)\b|\bkill (me|you|someone|a person) if (i|you) jump\b",
    r"\bjump (off|from)\b.*\b(die|dead|kill)\b",
    r"\b(using|use) it on myself\b|\b(gun|rope|pills|knife) .*\bon myself\b",
    r"\b(know|decided|planned|picked)( exactly)? (how|when|the day) i am going to (do it|die|go)\b",
    r"\bplan to (kill|end|die)\b|\bbought a (gun|rope)\b",
    r"\btake all (my|the|of my) (pills|meds|tablets)\b|\btake them all\b",
    r"\b(rope|gun|noose) (ready|for myself)\b|\bto shoot myself\b|\bhang myself\b",
    r"\bjump off\b.*\b(i am going|going to|tonight|picked)\b|\bpicked the \w+ i am going to\b",
    r"\bon purpose\b.*\b(drive|crash|car|tree|wall)\b|\b(drive|crash) .*\bon purpose\b",
    r"\bwill not need (them|it|any of it|my things|my stuff)\b",
    r"\bwill not be (around|here) (much longer|for long|anymore)\b",
    r"\bnot (going to )?be (here|around) much longer\b",
    r"\bmade my will\b|\baffairs in order\b",
    r"\bthinking (about|of) jumping\b|\bjump in front of\b",
    r"(?<!bungee )\bjump (off|from) (a|the|my)\b",
    r"\b(pills|tablets|meds|blade|razor|rope|noose|gun) (are |is )?(lined up|in my hand|"
    r"right here|next to me|all ready|ready to go)\b|\bknife\b.*\bgoing to use it\b",
    r"\bholding (the|my|all the|all my) (pills|tablets|meds|blade|razor|rope|gun)\b",
    r"\b(took|taken|swallowed|downed|had) (a whole|the whole|all (of )?my|all the|a load of|"
    r"a bottle of|a handful of|loads of|a pack of)( bottle of)? (pills|tablets|meds|paracetamol)\b",
    r"\b(pills|tablets) (all )?at once\b|\b(pills|tablets) with (vodka|alcohol|wine|booze)\b",
    r"\bnoose\b|\b(standing|sat|sitting|stood) on (the|a) (bridge|ledge|roof|cliff|tracks)\b"
    r".*\b(right now|now|tonight|jump)\b",
    r"\b(looking up|looked up|googling|googled) how (high|tall|deep) (the|a)\b",
    r"\bnot (come|coming) back\b(?! (until|till|for|before|from|to|here|home|with))",
    r"\bgarage\b.*\bengine running\b|\bengine running\b.*\bgarage\b",
    r"\bdrive (my car |the car )?(into|off) (a|the) (tree|wall|bridge|river|cliff|lorry|truck)\b",
    r"\b(picked|chosen|set|decided on) the (date|day)\b(?! (for|of))",
    r"\bthat is when i will do it\b|\bwhen i am going to do it\b",
    r"\b(want to|going to|might|wanna|just|about to|could|i) kms\b|\bkms (fr|tonight|now)\b|^kms$",
    r"\bsewer ?slide\b|\bsue ?a ?side\b",
)

_GOODBYE = (
    r"\bgoodbye to (everyone|everybody)\b|\beveryone to say goodbye\b",
    r"\b(goodbye|bye) (for good|forever)\b|\bthis is goodbye\b",
    r"\bgo for good\b|\bfor the last time\b|\bone last time\b|\blast step ever\b",
    r"\bmy (last |final )?goodbye\b|\bgoodbye letters? to\b|\blast goodbye\b",
    r"\bsay goodbye to my \w+ (for me|before i)\b",
    r"\bsay goodbye to my (family|kids|children|friends) before\b",
    r"\btell my \w+ i am sorry\b",
    r"\bwill not see (her|him|them|you|anyone) again\b",
    r"\b(not|never) hear from me again\b|\blast time you will hear from me\b",
    r"\bwill not have to remind me much longer\b",
    r"\bnot come looking for me\b",
    r"\bsaid goodbye to everyone\b",
    r"\bwill not be (around|here)\b.*\banyway\b",
    r"\b(when|after) (they|someone|somebody|you|he|she) finds? me\b",
    r"\btell (them|everyone|everybody|my \w+) i love (them|her|him|you)\b"
    r".*\b(when|after|before i|for me)\b|\btell (them|everyone|everybody) i am sorry\b",
    r"\b(wrote|written|left) (the|my) (note|letters)\b|\bleft a note\b.*\bfor my \w+\b$",
    r"\b(this|today) is my (last|final) day\b(?! (at|of|in|on|before|off|with)\b)",
    r"\b(last|final) (check in|message|step|time|chat)( \w+)? ever\b|\bsee you never\b",
    r"\b(my|this) (last|final)\b.*\bgoodbye\b|\bsay (bye|goodbye) before i go\b",
    r"\bmy (final|last) message\b|\bwhere i am going\b",
    r"\b(it is )?too late (for me|now)\b.*\b(bye|goodbye)\b|\bit is too late for me\b",
)

# -- the general rule: dying or not existing, wished, planned or accepted by the speaker ------
#
# Families of phrases cannot list every way of saying it ("I wouldn't mind if my heart just
# stopped tonight", "lowkey hoping I don't make it through the night"). So, beyond them: a
# word of dying or not existing, said by someone speaking of themselves, with a word of
# wishing, planning or not minding, is a crisis, unless the dying belongs to an idiom ("dying to
# try yoga", "my phone died") or to someone else ("my dad died of cancer").

_ENDING = re.compile(
    r"\b(die|dying|dead|death|suicide|not (be )?alive|not being alive|stop existing|not exist|"
    r"not survive|end of me|my life (is |was )?(over|finish|finished|done)|"
    r"takes? me in my sleep|make it through the night|never (wake|open my eyes|open them)|"
    r"stay asleep (forever|for ever)|heart (would |to )?(just )?(stop|stopped|stops)|"
    r"stop my heart|go(es)? dark for good|(out of|exit from|leave) (this )?life|"
    r"(log|check|sign) (off|out) (permanently|for good)|(last|final) (day|night) (alive|on earth)|"
    r"last one on earth|be with (my )?\w+ in heaven|nobody can bring me back|fatal|lethal|"
    r"hang myself|shoot myself|slit my wrists?|overdose|(not|never) (get|getting) better)\b"
)
_SPEAKER = re.compile(r"\b(i|me|my|myself)\b")
_WISH = re.compile(
    r"\b(want|wanting|wish|wishing|hope|hoping|pray|praying|plan|planning|going to|ready|decided|"
    r"rather|would not mind|okay with|ok with|fine with|better|easier|free|happier|make sure|"
    r"need|tonight|soon|permanently|for good|how (high|many|much|long)|best way|buy|bought|"
    r"can not|tired of|done|take them all|make it happen|go through with)\b"
)
_NOT_MINE = re.compile(
    r"\bdying (to|for)\b|\bdying (my|her|his|their) hair\b|\brather die than\b|"
    r"\bdie for (a|an|some|that|this)\b|\bdied laughing\b|\bto death\b|"
    r"\bdeath of me\b|\bdead (tired|serious|end|on my feet|set|beat|quiet|easy|on time)\b|"
    r"\b(phone|battery|car|headphones|plants?|houseplants|laptop|tv|flowers|garden|conversation|"
    r"party|streak|motivation|muscles|legs|arms|feet) (\w+ )?(is |are |has |have |just |already )?"
    r"(dying|died|dead)\b|\bdyeing\b|\bdeadline\b|\bdeadlift\b|"
    r"\b(dad|father|mom|mother|mum|uncle|aunt|brother|sister|friend|grandma|grandmother|grandpa|"
    r"grandfather|husband|wife|partner|son|daughter|dog|cat|neighbou?r|cousin|colleague|coworker|"
    r"boss|nan|gran|granddad|he|she|they|someone|people)( \w+)? "
    r"(died|dies|is dying|passed|was killed|"
    r"took (his|her|their) own life)\b|\bdied (of|from|last|in|when|after|before|years|a)\b|"
    r"\b(his|her|their)( own)? death\b|\bsudden death\b|\bdeath (toll|metal|valley|star)\b"
)


# A word of dying or not existing, about the speaker, with a wish or a plan (see above).
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

_HARM_TO_SELF = re.compile(
    r"\b(hurt|cut|burn|burned|burnt|harm)(ing|ed)? my ?self\b|\b(nearly|almost) killed my ?self\b"
)
# What makes "I hurt myself" an accident: where or how it happened, or a fall before it.
_ACCIDENT = re.compile(
    r"\bmy ?self (on|doing|while|when|shaving|making|at|in|with|lifting|carrying|playing|"
    r"cooking|cleaning|walking|running|during|a|some|tripping|falling|slipping|laughing)\b"
    r"|\b(slipped|fell|tripped|stumbled)\b"
)
_INTENT = re.compile(
    r"\bon purpose\b|\bdeliberately\b|\bintentionally\b|\bto punish\b|\bkeep (cutting|burning|"
    r"hurting|harming) my ?self\b|\bwith (my|a) (lighter|cigarette)\b"
)
_INJURY = re.compile(
    r"\b(hurt|injured|sprained|twisted|pulled|strained|bruised|broke|broken|scraped|"
    r"stubbed|rolled|banged|burned|burnt|cut|stung|blister|swollen|sore|aching|hurts|hurting|"
    r"shin splints)\b"
    r"|\b(knee|knees|back|feet|foot|ankle|hip|leg|legs|neck|shoulder|wrist|head) "
    r"(is|are|has been|have been|keeps|kept) (killing me|hurting|sore|aching|playing up|"
    r"giving me (grief|gyp|trouble)|acting up|clicking|swelling)\b|\bpain in my\b"
    r"|\bit (really )?hurts\b|\b(did|done|put|threw|thrown|pulled) my back (in|out)\b"
)


# -- what the learnt model must hear before its word counts ----------------------------------

# The model scores every word, so a heavy mood alone ("I just can't face it", "I mess
# everything up") or a stray pattern ("I'm proud of myself") could tip it over. Every crisis
# phrasing in the corpora the rules leave to the model speaks of life, death, an ending, a
# means or a time; without one of these words the model's view is not enough on its own.
_GRAVE = re.compile(
    r"\b(alive|live|living|lives|life|die|dying|died|death|dead|exist\w*|cease|end|ending|"
    r"ended|over|finished|earth|world|heaven|here|around|gone|disappear\w*|vanish\w*|jump\w*|"
    r"cliff|roof|bridge|ledge|edge|train|railway|bus|truck|car|plane|crash|hit|rope|noose|"
    r"hang\w*|overdose|od|tablets|pills|meds|blade|razor|cut\w*|bleed\w*|bled|carv\w*|"
    r"harm\w*|hurt\w*|burn\w*|kms|kys|unaliv\w*|sewerslide|suicid\w*|kill\w*|permanent\w*|"
    r"forever|ever|plan\w*|goodbye|bye|note|last|breath\w*|wake|asleep|sleep|recover|better|"
    r"heart|black|nothing|nobody|burden|anymore|longer|tonight|worthless|hopeless|hope|point|"
    r"reason\w*|pain|escape|born|away|terms|join|future|way out)\b"
)


def assess(words: str, model_says_crisis: bool = False) -> Concern:
    """What normalised words call for: the crisis answer, sympathy for an injury, or nothing.

    `model_says_crisis` is the statistical model's view (see `skill.safety.model`); it counts
    when the words also hold one grave word (`_GRAVE`). The rules add what they know of
    accidents ("I hurt myself on the walk" is an injury, whatever words it shares with
    self-harm).
    """
    accidents = Accidents(_HARM_TO_SELF, _ACCIDENT, _INTENT)
    model = model_says_crisis and _GRAVE.search(words) is not None
    return judge(words, _CRISIS, _wished_ending, accidents, _INJURY, model)
