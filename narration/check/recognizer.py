"""The offline speech recognizer of `check --listen`: pocketsphinx with the en-us model its package ships.

Its general language model hears about 40 % of the sample's words wrong (medical words are outside it), too
noisy to tell a broken clip from a good one. So each clip is decoded with a small language model made for it
(pocketsphinx's own ARPA builder): the script sentence's word sequences, plus common English words and every
number word as an open vocabulary, so that another sentence, noise or a changed number is heard as what it
is rather than forced into the expected words. The model depends only on the sentence, so the result can be
cached with the clip's key (see narration/cache/keys.py).
"""
from __future__ import annotations

import importlib.metadata
import tempfile
from functools import cache
from math import gcd
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy.signal import resample_poly

from narration.check.alignment import NUMBER_WORDS, spoken_words
from narration.check.pronounce import pronunciations
from narration.models import Audio

RATE = 16_000  # the acoustic model's sample rate
LANGUAGES = frozenset({"en"})  # the models the package ships: episodes in other languages are not heard
RECOGNIZER_VERSION = 2  # bump when the decoding changes what is heard: cached results are heard again
# Every third frame: about half the time of every frame for the same words on the sample (measured, 0.8 %
# word error rate against 0.9 %); Piper's clean speech needs no finer look.
FRAME_STEP = 3
# Words any sentence may contain besides its own: function words, so that unrelated speech has somewhere to
# go, and the number words, so that a changed value is heard as its own number.
COMMON_WORDS = tuple("""a an the and or but if of to in on at by for with from as is are was were be been it
this that these those there here he she they we you i not no yes do does did have has had can could will would
should may might must so than then also about into out up down over more most some any all each other what
which who when where why how very only just your their our its his her them us after before because while
""".split())


def fingerprint() -> dict[str, str]:
    """What decides what the recognizer hears besides the clip: its version and this module's settings."""
    return {"recognizer": "pocketsphinx", "version": importlib.metadata.version("pocketsphinx"),
            "settings": f"{RECOGNIZER_VERSION}:{FRAME_STEP}"}


def to_pcm16k(audio: Audio) -> bytes:
    """Mono 16-bit PCM at the acoustic model's rate."""
    factor = gcd(RATE, audio.rate)
    samples = audio.samples if audio.rate == RATE else resample_poly(audio.samples, RATE // factor, audio.rate // factor)
    return (np.clip(samples, -1.0, 32767 / 32768) * 32768).astype("<i2").tobytes()


def _language_model(sentences: Sequence[list[str]], folder: Path) -> tuple[str, str]:
    """An ARPA model and a dictionary for the sentences a clip may say, written into `folder`; their paths."""
    from pocketsphinx.lm import ArpaBoLM

    words = {w for sentence in sentences for w in sentence}
    phones = {w: pronunciations(w) for w in {*words, *COMMON_WORDS, *NUMBER_WORDS}}
    phones = {w: p for w, p in phones.items() if p}
    model = ArpaBoLM(text="".join(" ".join(w for w in s if w in phones) + "\n" for s in sentences), add_start=True)
    for word in phones:
        model.grams_1.setdefault(word, 1)
    model.compute()
    lm, dictionary = folder / "sentence.arpa", folder / "sentence.dict"
    model.write_file(str(lm))
    dictionary.write_text("".join(f"{w}{f'({n})' if n > 1 else ''} {p}\n" for w, ways in sorted(phones.items())
                                  for n, p in enumerate(ways, start=1)), encoding="utf-8")
    return str(lm), str(dictionary)


@cache
def _acoustic_model() -> str:
    from pocketsphinx import get_model_path

    return str(Path(get_model_path()) / "en-us" / "en-us")


def hear(audio: Audio, sentence: str) -> str:
    """The words the recognizer hears in a clip meant to say `sentence` (lower case, space-separated)."""
    return hear_among(audio, [sentence])


def hear_among(audio: Audio, sentences: Sequence[str]) -> str:
    """The words heard in a clip that may say any of `sentences` (to tell which one a wrong clip says)."""
    from pocketsphinx import Decoder

    if not len(audio.samples):
        return ""
    with tempfile.TemporaryDirectory(prefix="narration-listen-") as folder:
        lm, dictionary = _language_model([spoken_words(s) for s in sentences], Path(folder))
        decoder = Decoder(hmm=_acoustic_model(), lm=lm, dict=dictionary, ds=FRAME_STEP, loglevel="FATAL")
        decoder.start_utt()
        decoder.process_raw(to_pcm16k(audio), full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
    return " ".join(hypothesis.hypstr.split()) if hypothesis is not None else ""
