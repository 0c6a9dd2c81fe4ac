"""One engine per language of the build, each checked before anything is spoken: a Piper voice must speak the
language of the articles it reads (its .onnx.json says which), and gTTS is asked for that language."""
from __future__ import annotations

from typing import Callable, Iterable

from narration.errors import InputError
from narration.language import primary
from narration.models import Article
from narration.speech.base import Engine, VoiceSettings
from narration.speech.piper_engine import voice_files
from narration.speech.voices import voice_language


class Engines:
    """The engine of each language (made once per distinct voice settings)."""

    def __init__(self, settings_of: Callable[[str], VoiceSettings] | None = None,
                 single: Engine | None = None) -> None:
        self._settings_of = settings_of
        self._single = single
        self._made: dict[VoiceSettings, Engine] = {}
        self._prints: dict[str, dict[str, str]] = {}

    @classmethod
    def one(cls, engine: Engine) -> "Engines":
        """The same engine for every language (tests' fake voice)."""
        return cls(single=engine)

    def __call__(self, language: str) -> Engine:
        """The engine that speaks a language."""
        if self._settings_of is None:
            assert self._single is not None, "Engines needs voice settings or a single engine"
            return self._single
        settings = self._settings_of(language)
        if settings not in self._made:
            from narration.speech import make_engine  # the engines' package imports this module

            self._made[settings] = make_engine(settings)
        return self._made[settings]

    def fingerprint(self, language: str) -> dict[str, str]:
        """The fingerprint of a language's engine, computed once (keys are made for every sentence)."""
        if language not in self._prints:
            self._prints[language] = self(language).fingerprint()
        return self._prints[language]

    def check(self, articles: Iterable[Article]) -> None:
        """Every article's voice speaks its language; the first that does not is one error line, before any
        sentence is synthesized."""
        if self._settings_of is None:
            return
        for article in articles:
            settings = self._settings_of(article.meta.language)
            if settings.engine == "piper":
                check_piper_voice(settings.voice, article.meta.language, article)
            self(article.meta.language)

    def unload(self) -> None:
        for engine in {id(e): e for e in [*self._made.values(), *([self._single] if self._single else [])]}.values():
            engine.unload()


def check_piper_voice(voice: str, language: str, article: Article) -> None:
    """A Piper voice whose own files say another language than the article's is refused, naming both."""
    model, _ = voice_files(voice)
    code = voice_language(model)
    if code and primary(code) != primary(language):
        raise InputError(model, f"speaks {code}, but {article.source} is in {language!r}; name a "
                                f"{primary(language)} voice under [languages.{primary(language)}] voice in the "
                                f"config (see the README's Languages)")

