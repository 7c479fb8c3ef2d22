"""VADER sentence scores, the same numbers as ``vaderSentiment`` with less work per sentence.

``vaderSentiment`` (Hutto & Gilbert 2014, MIT licence) lower-cases the whole
sentence again for every lexicon word it looks at (in its negation and idiom
checks), runs its full per-word rule set on words that are not in its lexicon
(which always score 0), and rebuilds the sentence character by character to
replace emojis. :class:`FastVader` is a subclass that keeps VADER's lexicon,
constants and rules -- boosters and dampeners, "kind of", "no" and the
negators within three words, ALL-CAPS emphasis, "never so", "without doubt",
"least", the special idioms, the contrastive "but" and the "!"/"?" emphasis --
and only changes how much work they take: the words are lower-cased once per
sentence, only lexicon words go through the rules, and a sentence without an
emoji is not rebuilt (one with emojis is rebuilt once, in linear time). ``tests/features/test_vader.py`` checks that its scores
equal ``vaderSentiment``'s on every sentence of the seed article, the shipped
corpus and the datasets in ``../shared/data``, and on generated sentences.
"""

from __future__ import annotations

import string

from vaderSentiment import vaderSentiment as _vs

__all__ = ["FastVader"]

_NEGATORS = frozenset(_vs.NEGATE)
_SO_THIS = ("so", "this")
_PUNCTUATION = string.punctuation


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for a lower-case word."""
    return word in _NEGATORS or "n't" in word


class FastVader(_vs.SentimentIntensityAnalyzer):
    """``vaderSentiment.SentimentIntensityAnalyzer`` with identical scores, faster.

    Examples
    --------
    >>> FastVader().polarity_scores("The plan is NOT very good, but it is a start!")
    {'neg': 0.174, 'neu': 0.826, 'pos': 0.0, 'compound': -0.274}
    """

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(self.emojis)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` scores of ``text``."""
        if not isinstance(text, str):
            return super().polarity_scores(text)
        sentiments, text = self._sentiments(text)
        return self.score_valence(sentiments, text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, without working out the other three scores.

        Examples
        --------
        >>> FastVader().compound("The plan is NOT very good, but it is a start!")
        -0.274
        """
        if not isinstance(text, str):
            return super().polarity_scores(text)["compound"]
        sentiments, text = self._sentiments(text)
        if not sentiments:
            return 0.0
        # score_valence's compound: the sum, moved away from 0 by the "!"/"?" emphasis
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += self._punctuation_emphasis(text)
        elif sum_s < 0:
            sum_s -= self._punctuation_emphasis(text)
        return round(_vs.normalize(sum_s), 4)

    def _sentiments(self, text: str) -> tuple[list[float], str]:
        """VADER's per-word valences of ``text`` (0 for words outside its lexicon), and the
        text they were read from (emojis described, white space stripped)."""
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            text = self._describe_emojis(text)
        text = text.strip()
        # VADER's words: split at white space, punctuation stripped from both ends unless
        # that leaves two characters or fewer (emoticons such as ":)")
        words = [t if len(s := t.strip(_PUNCTUATION)) <= 2 else s for t in text.split()]
        low = [w.lower() for w in words]
        n = len(words)
        caps = sum(map(str.isupper, words))
        cap_diff = 0 < n - caps < n  # some words, not all, in ALL CAPS
        lexicon, boosters = self.lexicon, _vs.BOOSTER_DICT
        sentiments: list[float] = [0] * n
        # only lexicon words that are not boosters score (most words do not); "kind of" is
        # a booster phrase, not the lexicon word "kind"
        for i in [i for i, w in enumerate(low) if w in lexicon and w not in boosters]:
            if not (low[i] == "kind" and i < n - 1 and low[i + 1] == "of"):
                sentiments[i] = self._valence(words, low, i, cap_diff)
        if "but" in low:
            sentiments = self._but_check(words, sentiments)
        return sentiments, text

    def _describe_emojis(self, text: str) -> str:
        """VADER's emoji rewriting: each emoji becomes its description, after a space unless
        one precedes it (in linear time; VADER itself then rescans the words per word)."""
        emojis = self.emojis
        out: list[str] = []
        prev_space = True
        for ch in text:
            description = emojis.get(ch)
            if description is not None:
                if not prev_space:
                    out.append(" ")
                out.append(description)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)

    def _valence(self, words: list[str], low: list[str], i: int, cap_diff: bool) -> float:
        """The valence of lexicon word ``i`` after VADER's modifiers (``sentiment_valence``)."""
        lexicon = self.lexicon
        n = len(low)
        base = lexicon[low[i]]
        valence = base
        if low[i] == "no" and i != n - 1 and low[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next lexicon word instead
        if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") or (
                i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
            valence = base * _vs.N_SCALAR
        if cap_diff and words[i].isupper():
            valence = valence + _vs.C_INCR if valence > 0 else valence - _vs.C_INCR
        for k in range(3):
            j = i - k - 1
            if j < 0 or low[j] in lexicon:
                continue
            s = _vs.scalar_inc_dec(words[j], valence, cap_diff)
            if s != 0 and k:
                s = s * (0.95 if k == 1 else 0.9)
            valence = self._negation(valence + s, low, k, i)
            if k == 2:
                valence = self._idioms(valence, low, i)
        # "least" before the word negates it, except in "at least" / "very least"
        if i > 0 and low[i - 1] == "least" and "least" not in lexicon and (
                i == 1 or low[i - 2] not in ("at", "very")):
            valence = valence * _vs.N_SCALAR
        return valence

    @staticmethod
    def _sift_sentiment_scores(sentiments: list[float]) -> tuple[float, float, int]:
        """VADER's positive sum, negative sum and neutral count, looking only at the
        non-zero scores (most words score 0); the same additions in the same order."""
        nonzero = [x for x in sentiments if x]
        pos_sum = neg_sum = 0.0
        for x in nonzero:
            if x > 0:
                pos_sum += float(x) + 1  # VADER counts a neutral word as 1
            elif x < 0:
                neg_sum += float(x) - 1
        return pos_sum, neg_sum, len(sentiments) - len(nonzero)

    @staticmethod
    def _negation(valence: float, low: list[str], k: int, i: int) -> float:
        """VADER's negation check for the word ``k + 1`` places before word ``i``."""
        if k == 0:
            return valence * _vs.N_SCALAR if _negated(low[i - 1]) else valence
        if k == 1:
            if low[i - 2] == "never" and low[i - 1] in _SO_THIS:
                return valence * 1.25
            if low[i - 2] == "without" and low[i - 1] == "doubt":
                return valence
            return valence * _vs.N_SCALAR if _negated(low[i - 2]) else valence
        if (low[i - 3] == "never" and low[i - 2] in _SO_THIS) or low[i - 1] in _SO_THIS:
            return valence * 1.25
        if low[i - 3] == "without" and "doubt" in (low[i - 2], low[i - 1]):
            return valence
        return valence * _vs.N_SCALAR if _negated(low[i - 3]) else valence

    @staticmethod
    def _idioms(valence: float, low: list[str], i: int) -> float:
        """VADER's special idioms ("the bomb", "kiss of death") and two-word boosters."""
        special = _vs.SPECIAL_CASES
        one_zero = f"{low[i - 1]} {low[i]}"
        two_one = f"{low[i - 2]} {low[i - 1]}"
        three_two = f"{low[i - 3]} {low[i - 2]}"
        three_two_one = f"{low[i - 3]} {two_one}"
        for seq in (one_zero, f"{low[i - 2]} {one_zero}", two_one, three_two_one, three_two):
            if seq in special:
                valence = special[seq]
                break
        n = len(low)
        if n - 1 > i:
            zero_one = f"{low[i]} {low[i + 1]}"
            if zero_one in special:
                valence = special[zero_one]
            if n - 1 > i + 1 and f"{zero_one} {low[i + 2]}" in special:
                valence = special[f"{zero_one} {low[i + 2]}"]
        for gram in (three_two_one, three_two, two_one):
            if gram in _vs.BOOSTER_DICT:
                valence = valence + _vs.BOOSTER_DICT[gram]
        return valence
