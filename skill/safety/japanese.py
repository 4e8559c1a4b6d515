"""Japanese rules for words of crisis or self-harm (the phrase families and the general rule).

Matching is on phrases, never single words, and follows the warning signs that Japanese crisis
services and public bodies publish (sources in tests/safety/ja/SOURCES.md):
- saying one wants to die or to kill oneself (「死にたい」「消えたい」, 自殺を口にする);
- not wanting to live or to wake up (「夜眠ったら、もう二度と目が覚めなければいい」);
- hopelessness (「もうどうでもいい」「もうやっていけない」「すべてを終わりにしたい」);
- being a burden (「これ以上、皆に迷惑をかけられない」「自分なんかいなくなったほうがいい」);
- feeling trapped; self-harm (リストカット, 自傷, taking a lot of medicine);
- a plan or the means (遺書, 身辺整理, searching for ways to die);
- saying goodbye or giving things away.

Japanese says the same thing in kanji or in kana, drops the pronoun, and shares its words of
dying with many everyday idioms: 「死ぬほど疲れた」, 「暑くて死にそう」, 「死ぬ気でがんばる」,
「恥ずかしくて消えたい」, a phone or a game character that 「死んだ」, a grandmother who
亡くなった. So the words are normalised first (NFKC, lower case, katakana as hiragana, no spaces
or marks), then the idioms and other people's deaths are cut out, and only then are the
families matched: 「死ぬほど眠い、もう死にたい」 is still a crisis once 「死ぬほど」 is gone.
Injuries (「足首をひねった」, 「料理中に指を切った」) get sympathy, never the crisis script. When in
doubt the check leans toward help: a person in crisis who hears a coaching reply is the worse
mistake.
"""

from __future__ import annotations

import re
import unicodedata

from skill.safety.concern import Concern
from skill.safety.rules import Accidents, WishedEnding, any_of, judge

_KATAKANA = re.compile(r"[\u30a1-\u30f6]")
_NOT_WORDS = re.compile(r"[^\w\u30fc]")


def normalise(text: str) -> str:
    """NFKC, lower case, katakana as hiragana, and no spaces or punctuation.

    "リストカット" and "りすとかっと", "シニタイ" and "しにたい" are then written one way, so each
    pattern is written once (kanji forms are listed beside kana ones in the patterns).
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = _KATAKANA.sub(lambda m: chr(ord(m.group(0)) - 0x60), text)
    return _NOT_WORDS.sub("", text)


# -- what is cut out before matching: idioms of dying and other people's deaths -------------

_NOT_MINE = re.compile(
    r"(死ぬ|しぬ)ほど|(死ぬ|しぬ)かと(思|おも)|(死に|しに)そう|(死ぬ|しぬ)気で|(死ぬ|しぬ)まで(に|の)|"
    r"(死ん|しん)だ(ように|みたいに)|必死|決死|死角|死守|瀕死|死活|"
    r"(恥ずかし|はずかし)(くて|すぎて|さで)(消え|きえ)|"
    r"(足|脚|あし|腕|うで|体|からだ|電池|でんち|ばってりー|すまほ|ぱそこん|pc|車|くるま|きゃら|花|植物)が"
    r"(死|し)(ん|ぬ)|"
    r"(祖母|祖父|おばあちゃん|おじいちゃん|父|母|犬|いぬ|猫|ねこ|ぺっと|友達|友だち|主人公|しゅじんこう|"
    r"きゃら|彼|彼女)が(死ん|しん|亡くな|なくな)|"
    r"(尊|とうと)(すぎて|くて)(死|し|消え|きえ)|(笑い|わらい)(すぎて|死)|(眠|ねむ)すぎて(死|し)|"
    r"(暑|あつ|寒|さむ|お腹|おなか|腹)(くて|すいて|すぎて)(死|し)|"
    r"(きつ|つら|辛|しんど)くて(死|し)ぬ(?!しか)|"
    r"(今日|きょう|ここ|この辺|このへん|いったん|一旦|今週|一日|いちにち)(は|を)?(もう)?"
    r"(終わりに|おわりに)|ここで(終わりに|おわりに)|"
    r"(習慣|目標|ステップ|これ|この話|話|練習|仕事|散歩|運動|会議|げーむ|勉強)(は|を)?(もう)?"
    r"(終わりに|おわりに)|"
    r"やっていけない(くらい|ほど)|"
    r"(仕事|しごと|課題|かだい|作業)(を|が)?(終わらせて|終われば)(楽|らく)"
)

# -- crisis, by family of warning sign ------------------------------------------------------

_WANTING_TO_DIE = (
    r"(死に|しに)たい",
    r"(死に|しに)たく(て|なる|なった|なり)",
    r"(死の|しの)う(と|か)(思|おも|考|かんが)",
    r"(死ん|しん)で(しまい|しまえ|しまお)",
    r"(死ん|しん)じゃ(いたい|おう|えば)",
    r"(死ね|しね)(たら|れば|ば)",
    r"(死ん|しん)だ(ほう|方)が(まし|楽|らく|いい)",
    r"(死ぬ|しぬ)しか(ない|ないと)|(死ぬ|しぬ)以外",
    r"(死ぬ|しぬ)(こと|事)(ばかり|ばっかり)?(を)?(考え|かんがえ)",
    r"自殺(?!予防|対策)|自死(?!遺族)",
    r"命を(絶|た)|(自分|じぶん)を(殺|ころ)",
    r"(人生|命|いのち)を(終わら|おわら|終わりに|おわりに)",
    r"(^|もう|いっそ)(全部|ぜんぶ|すべて|全て|何もかも|なにもかも)(を)?(終わりに|おわりに|終わらせ|おわらせ)",
    r"もう(全部|ぜんぶ)?(終わりに|おわりに)したい",
    r"(今日|きょう|今夜|こんや)で(全部|ぜんぶ)?(終わりに|おわりに)",
    r"(死ん|しん)だら(みんな|皆|楽|らく|家族|かぞく)",
    r"最期に(声|会い|あい|ありがとう|伝え|一目)",
    r"(生きる|いきる)の(を)?(やめ|止め)",
    r"(楽|らく)に(死|し)(に|ね)",
)

_DISAPPEAR = (
    r"(消え|きえ)(たい|てしまいたい|ちゃいたい|てなくなりたい|てしまえたら|られたら)",
    r"いなくなり(たい|たく)|いなくなれたら",
    r"この世(から|を)",
    r"(消え|きえ)(れば|たら)(いい|楽|らく)",
    r"(私|わたし|自分|じぶん|僕|ぼく|俺|おれ)(なんて|なんか)(消え|きえ|いなくな|死|し[んぬね])",
    r"(蒸発|じょうはつ)したい",
)

_NOT_WANTING_TO_LIVE = (
    r"(生き|いき)(て)?(い)?たくない",
    r"(生き|いき)(る|てる|ている|ていく|てく)(の|こと)(が|に|も)"
    r"(つらい|つらく|辛い|辛く|しんどい|しんどく|苦しい|苦しく|くるしい|疲れ|つかれ|嫌|いや|限界|無理|むり)",
    r"(生き|いき)(る|てる|ている|ていて|てて)(意味|いみ|価値|かち)(が|も|なんて)?",
    r"(生き|いき)(てい|て)?ても(仕方|しかた|しょうがな)",
    r"(もう|これ以上|つらすぎて|辛すぎて|苦しくて)(生き|いき)て(いけ|ゆけ)ない",
    r"(生まれ|うまれ)て(こなければ|こなきゃ|きたくなかった|こなかったら)",
    r"(目|め)が(覚め|さめ)(なければ|なきゃ|なかったら)",
    r"(二度と|にどと)(目|め)(が|を)(覚|さ|開|あ)",
    r"(朝|あさ|明日|あした)(なんて|が|は)?(来|こ)なければ",
    r"(永遠|えいえん)に(眠|ねむ)り",
    r"(眠|ねむ)(って|り)(いたい|たい).*(二度と|にどと)|(二度と|にどと).*(起き|目覚め|めざめ|目が覚め)",
    r"(眠|ねむ)った(まま|ままで)",
    r"(知って|しって)(いる|る)?(人|ひと)が(い|)ない(所|ところ)に(行|い)きたい",
    r"(明日|あした)には(もう)?いない",
)

_HOPELESS = (
    r"^(もう)?(何もかも|なにもかも|全部|ぜんぶ|すべて)?どうでもいい$",
    r"(何もかも|なにもかも|人生|じんせい|自分|じぶん)(なんて|は|が|も)?(もう)?どうでもいい",
    r"どうなっても(いい|かまわない|構わない)",
    r"もうやっていけない",
    r"(将来|しょうらい|未来|みらい)(に|は|なんて)?(希望|きぼう)(なんて|が|は|も)?(ない|持てない|もてない)",
    r"(何|なん)の(希望|きぼう)もない|(希望|きぼう)(なし|がない)",
    r"(誰|だれ)も(自分|じぶん|私|わたし|僕|ぼく|俺|おれ)(を|のこと)(を)?(必要|ひつよう)",
    r"(誰|だれ)(にも|も)(必要|ひつよう)とされ(て)?(い)?ない",
    r"(自分|じぶん|私|わたし|僕|ぼく|俺|おれ)(なんて|なんか)(生き|いき)(てる|ている|る)(価値|かち)",
)

_BURDEN = (
    r"いない(ほう|方)が(いい|みんな|幸せ|しあわせ|楽|らく|まし)",
    r"いなくなった(ほう|方)が",
    r"(迷惑|めいわく)(ばかり|ばっかり|しか)(を)?かけ",
    r"これ以上(みんな|皆|家族|かぞく|周り|まわり)?(に)?(迷惑|めいわく)を?かけ(られ|たく)ない",
    r"(重荷|おもに|お荷物|おにもつ|足手まとい|あしでまとい)(でしか|になって|だ|でしかない)",
    r"いなくなっても(誰|だれ)も|(死|し)んでも(誰|だれ)も",
    r"(誰|だれ)も.*いなくなっても|いなくなっても.*(悲しま|かなしま|気づか|きづか|困ら|こまら)ない",
    r"いなくなったら(家族|かぞく)",
)

_TRAPPED = (
    r"もう(耐え|たえ)られない",
    r"(生きる|生き|いき)(こと|の)?(が|に)?(耐え|たえ)られない",
    r"(逃げ場|にげば)が(ない|なくて)",
    r"(苦しみ|くるしみ|痛み|いたみ)から(逃げ|にげ|解放|かいほう)",
    r"(終われ|おわれ)たら(いい|いいのに)",
    r"いっそ(死|し|消え|きえ)",
)

_SELF_HARM = (
    r"りすとかっと|りすか(?!ー)",
    r"(手首|てくび|腕|うで)を(切|き)(りたい|って|る|っちゃ|ってしまっ)",
    r"(自分|じぶん)を(傷つけ|きずつけ|傷付け|痛めつけ|いためつけ|殴|なぐ)",
    r"自傷",
    r"(手首|てくび|腕|うで)に(傷|きず)",
    r"(薬|くすり)を(たくさん|大量|たいりょう|まとめて|全部|ぜんぶ|一気)(に)?(飲|の)",
    r"(薬|くすり|睡眠薬|すいみんやく)を(ため|貯め|溜め|集め|あつめ)",
    r"(?<![a-z])od(した|しちゃ|したい|する)",
    r"おーばーどーず|過量服薬|大量服薬",
)

_PLAN = (
    r"死に方|しにかた|死ぬ方法|しぬほうほう|自殺の方法|楽に死ねる",
    r"(首|くび)を(吊|つ)(る|ろう|りたい|った)|首(吊り|つり)",
    r"(飛び降り|とびおり)(たい|よう|たら|れば|る(つもり|予定))",
    r"(びる|屋上|おくじょう|橋|まんしょん)から(飛び|とび)",
    r"(電車|でんしゃ|線路|せんろ)に(飛び込|とびこ)",
    r"(ろーぷ|練炭|れんたん)を(買|か|用意|よういし)",
    r"遺書|いしょを|身辺整理|しんぺんせいり",
    r"(大切|たいせつ|大事|だいじ)な(もの|物)を(人|ひと|みんな|友達)に(あげ|譲|ゆず)",
    r"どうやって(死|し)ぬか",
)

_GOODBYE = (
    r"(お別れ|おわかれ)を(言|い)い",
    r"(みんな|皆|家族|かぞく)に(さよなら|さようなら|お別れ|おわかれ)",
    r"(今まで|いままで)(本当に|ほんとうに|ほんとに)?ありがとう.*(さようなら|さよなら)",
    r"(最後|さいご)の(あいさつ|挨拶)",
    r"(二度と|にどと)(会え|あえ)ない",
    r"(最後|さいご)に(みんな|家族|かぞく)に?ありがとう",
)

_CRISIS = any_of(
    _WANTING_TO_DIE,
    _DISAPPEAR,
    _NOT_WANTING_TO_LIVE,
    _HOPELESS,
    _BURDEN,
    _TRAPPED,
    _SELF_HARM,
    _PLAN,
    _GOODBYE,
)

# -- the general rule: dying, wished or planned by the speaker ------------------------------
#
# Families cannot list every way of saying it. Beyond them: a word of dying (in kanji: the kana
# "しん" is also in 楽しんで) with a word of wishing, planning or thinking, once the idioms and
# other people's deaths are cut out, is a crisis.

_ENDING = re.compile(r"死|自殺|命を|この世")
_WISH = re.compile(
    r"たい|たく|ように|つもり|予定|決め|しよう|ほうが|方が|ばいい|ば楽|たら楽|しかない|考え|思っ|思う|"
    r"準備|方法|いっそ"
)

# -- injuries: sympathy and rest, never the crisis script ------------------------------------

_HARM_TO_SELF = re.compile(r"(自分|じぶん)を(傷つけ|きずつけ|傷付け)")
# What makes "I hurt myself" an accident: a fall, a slip, a task while it happened.
_ACCIDENT = re.compile(r"転ん|ころん|うっかり|料理中|作業中|滑って|すべって|つまず|ぶつけ")
_INTENT = re.compile(r"わざと|故意に|罰として")
_INJURY = re.compile(
    r"痛(い|く|む|め|かった|み)|いたた|けが|怪我|捻挫|ねんざ|肉離れ|骨折|打撲|すりむ|擦りむ|靴(ずれ|擦れ)|"
    r"(まめ|豆)ができ|筋肉痛|ぎっくり腰|寝違え|ねちがえ|やけど|火傷|(足|脚|あし|ふくらはぎ)がつ|"
    r"(腰|こし|膝|ひざ|足首|肩|かた)をやっ|筋を(違え|ちがえ|痛め)|くじい|くじけ|"
    r"(ひね|捻)っ|転ん|ころん|腫れ|ぶつけ|(はさん|挟ん)だ|(指|手|ゆび|足|あし)を(切|き)っ|(打|う)っ(た|て)"
)


def _mine(words: str) -> str:
    """The words with idioms of dying and other people's deaths cut out."""
    return _NOT_MINE.sub("|", words)


# A word of dying with a wish, a plan or a thought (see above), idioms cut out first.
_wished_ending = WishedEnding(_ENDING, _WISH)


def assess(words: str, model_says_crisis: bool = False) -> Concern:
    """What normalised words call for: the crisis answer, sympathy for an injury, or nothing.

    `model_says_crisis` is a statistical model's view (none is shipped for Japanese yet); the
    rules add what they know of accidents (「転んで自分を傷つけた」 is an injury). Crisis words
    are judged with idioms cut out; an injury is heard in the words as said.
    """
    accidents = Accidents(_HARM_TO_SELF, _ACCIDENT, _INTENT)
    found = judge(
        _mine(words), _CRISIS, _wished_ending, accidents, _INJURY, model_says_crisis, joiner="|"
    )
    if found is Concern.NONE and _INJURY.search(words):
        return Concern.INJURY
    return found
