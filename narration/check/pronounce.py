"""Pronunciations for the recognizer: the CMU dictionary that pocketsphinx ships, and for words it lacks
(medical terms, names) espeak-ng's phonemes (Piper's own phonemizer) mapped to the same ARPAbet phones."""
from __future__ import annotations

import os
from functools import cache

# espeak-ng's IPA (en-us) -> CMU ARPAbet; two-character keys are read first (diphthongs, affricates).
IPA_PAIRS = {"eɪ": "EY", "aɪ": "AY", "aʊ": "AW", "oʊ": "OW", "ɔɪ": "OY", "tʃ": "CH", "dʒ": "JH"}
IPA_SINGLE = {"ə": "AH", "ɐ": "AH", "ʌ": "AH", "ɚ": "ER", "ɝ": "ER", "ɜ": "ER", "æ": "AE", "ɛ": "EH", "e": "EH",
              "ɪ": "IH", "ᵻ": "IH", "i": "IY", "u": "UW", "ʊ": "UH", "ɑ": "AA", "ɒ": "AA", "ɔ": "AO", "o": "OW",
              "a": "AE", "θ": "TH", "ð": "DH", "ʃ": "SH", "ʒ": "ZH", "ŋ": "NG", "j": "Y", "ɹ": "R", "r": "R",
              "ɡ": "G", "g": "G", "ɾ": "T", "ɬ": "L", "x": "K", "ç": "HH", "h": "HH", "b": "B", "d": "D", "f": "F",
              "k": "K", "l": "L", "m": "M", "n": "N", "p": "P", "s": "S", "t": "T", "v": "V", "w": "W", "z": "Z"}
IGNORED = set("ˈˌː̃ ‍-")  # stress, length, nasalization and joiners: ARPAbet has no such marks


@cache
def cmu_dictionary() -> dict[str, tuple[str, ...]]:
    """The CMU pronouncing dictionary shipped with pocketsphinx: every pronunciation of each word ("read" is
    said two ways)."""
    from pocketsphinx import get_model_path

    words: dict[str, tuple[str, ...]] = {}
    with open(os.path.join(get_model_path(), "en-us", "cmudict-en-us.dict"), encoding="utf-8") as handle:
        for line in handle:
            entry, _, phones = line.strip().partition(" ")
            word = entry.split("(")[0]
            words[word] = (*words.get(word, ()), " ".join(phones.split()))
    return words


def ipa_to_arpabet(phonemes: str) -> str:
    """espeak-ng IPA of one word -> ARPAbet phones; a doubled consonant (espeak's 'ɹɹ') is said once."""
    phones: list[str] = []
    index = 0
    while index < len(phonemes):
        pair = phonemes[index:index + 2]
        if pair in IPA_PAIRS:
            phones += IPA_PAIRS[pair].split()
            index += 2
            continue
        char = phonemes[index]
        index += 1
        if char in IPA_SINGLE and not (phones and phones[-1] == IPA_SINGLE[char] and char not in "əɐʌɪiu"):
            phones.append(IPA_SINGLE[char])
    return " ".join(phones)


@cache
def _espeak():  # type: ignore[no-untyped-def]
    from piper.phonemize_espeak import EspeakPhonemizer

    return EspeakPhonemizer()


def pronunciations(word: str) -> tuple[str, ...]:
    """ARPAbet phones of one lower-case word: the CMU dictionary's, else espeak-ng's (none when it has none)."""
    known = cmu_dictionary().get(word)
    if known:
        return known
    ipa = "".join(p for sentence in _espeak().phonemize("en-us", word) for p in sentence if p not in IGNORED)
    phones = ipa_to_arpabet(ipa)
    return (phones,) if phones else ()
