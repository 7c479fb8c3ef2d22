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
emoji is not rebuilt (one with emojis is rebuilt once, in linear time). The per-word rules are
in :mod:`framing.features.vader_rules`, which the build compiles with mypyc when it can (see
:mod:`framing.native`). ``tests/features/test_vader.py`` checks that its scores
equal ``vaderSentiment``'s on every sentence of the seed article, the shipped
corpus and the datasets in ``../shared/data``, and on generated sentences.
"""

from __future__ import annotations

from vaderSentiment import vaderSentiment as _vs

from .vader_rules import word_valences

__all__ = ["FastVader"]


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
        words, sentiments, but = word_valences(text, self.lexicon)
        if but:
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
