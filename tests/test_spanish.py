"""Spanish text: the normalizer (tables of written -> spoken examples per rule), the registry that picks it by an
article's language, per-language lexicon entries, sentences and headings with ¿ ¡, and two Spanish patient
articles (tests/fixtures/es/NAME.md and .txt) whose generated scripts must sound as a reader wrote down in
tests/fixtures/es/expected/NAME.toml."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

from narration.config import AudioConfig, ScriptConfig
from narration.errors import InputError
from narration.ingest import read_article
from narration.ingest.text import looks_like_heading, parse_text
from narration.ingest.debris import debris_filter
from narration.ingest.outline import Heading
from narration.models import Article
from narration.review import CREDITS, LEVEL, review_article
from narration.scripts import plan_sections, script_text, sync_scripts
from narration.text import spanish
from narration.text.languages import NORMALIZERS, normalizer_for
from narration.text.lexicon import Lexicon, Report, load_lexicon, read_lexicon
from narration.text.normalize import normalize as english_normalize
from narration.text.sentences import split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "es"
PAGES = sorted(path.stem for path in (FIXTURES / "expected").glob("*.toml"))
CASES = [(page, form) for page in PAGES for form in ("md", "txt")]
LEXICON = load_lexicon(None).for_language("es")


def say(text: str) -> str:
    return spanish.normalize(text, LEXICON)


def table(*rows: tuple[str, str]):  # noqa: ANN201 - a parametrize decorator
    return pytest.mark.parametrize(("written", "spoken"), rows)


@table(
    ("Tome 5 mg al día.", "Tome cinco miligramos al día."),
    ("Tome 1 mg al día.", "Tome un miligramo al día."),
    ("500mg", "quinientos miligramos"),
    ("2,5 mg", "dos coma cinco miligramos"),
    ("0,05 mg", "cero coma cero cinco miligramos"),
    ("1,5 mg", "uno coma cinco miligramos"),
    ("2.5 mg", "dos punto cinco miligramos"),  # the decimal point of Mexico and the United States
    ("400 UI de vitamina D", "cuatrocientas unidades internacionales de vitamina D"),
    ("1 UI", "una unidad internacional"),
    ("100 mg/dl", "cien miligramos por decilitro"),
    ("10 mg/día", "diez miligramos al día"),
    ("un IMC de 25 kg/m²", "un i eme ce de veinticinco kilogramos por metro cuadrado"),
    ("38,5 °C", "treinta y ocho coma cinco grados Celsius"),
    ("120/80 mmHg", "ciento veinte sobre ochenta milímetros de mercurio"),
    ("cada 8 h", "cada ocho horas"),
    ("1 tableta c/8 h", "una tableta cada ocho horas"),
    ("aprox. 20 min", "aproximadamente veinte minutos"),
)
def test_units_agree_with_their_number(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("21 semanas", "veintiuna semanas"),
    ("21 años", "veintiún años"),
    ("31 días", "treinta y un días"),  # "día" is masculine, though it ends in -a
    ("200 personas", "doscientas personas"),
    ("200 pacientes", "doscientos pacientes"),
    ("101 mujeres", "ciento una mujeres"),
    ("1 vez al día", "una vez al día"),
    ("1 carcinoma", "un carcinoma"),
    ("1 de cada 8 mujeres", "una de cada ocho mujeres"),
    ("1 de cada 10 hombres", "uno de cada diez hombres"),
    ("de 1 a 2 tabletas", "de una a dos tabletas"),
    ("el número 1", "el número uno"),
    ("1.000 mujeres", "mil mujeres"),
    ("10,000 pacientes", "diez mil pacientes"),
    ("21 000 personas", "veintiuna mil personas"),
    ("1.000.000 de casos", "un millón de casos"),
    ("en 2024", "en dos mil veinticuatro"),
    ("en 1990", "en mil novecientos noventa"),
)
def test_numbers_in_words_with_gender(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("el 1.º de mayo", "el primero de mayo"),
    ("la 1.ª dosis", "la primera dosis"),
    ("el 1.er trimestre", "el primer trimestre"),
    ("el 1.º trimestre", "el primer trimestre"),
    ("el 3.er piso", "el tercer piso"),
    ("la 2.ª o la 3.ª semana", "la segunda o la tercera semana"),
    ("el 2do piso", "el segundo piso"),
    ("la 1ra vez", "la primera vez"),
    ("es el 4.º", "es el cuarto"),
    ("la 11.ª semana", "la decimoprimera semana"),
    ("estadio II", "estadio dos"),
    ("fase IIIA", "fase tres A"),
)
def test_ordinals(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("el 3 de marzo de 2024", "el tres de marzo de dos mil veinticuatro"),
    ("el 1 de marzo", "el primero de marzo"),
    ("el 1.º de enero", "el primero de enero"),
    ("el 03/03/2024", "el tres de marzo de dos mil veinticuatro"),
    ("el 12/03/2025", "el doce de marzo de dos mil veinticinco"),  # day first
    ("el 2024-03-03", "el tres de marzo de dos mil veinticuatro"),
    ("a las 8:30 a. m. y", "a las ocho y media de la mañana y"),
    ("a las 8:30 a.m. y", "a las ocho y media de la mañana y"),
    ("a las 8:15 AM y", "a las ocho y cuarto de la mañana y"),
    ("a las 8:05 a. m. y", "a las ocho y cinco de la mañana y"),
    ("a las 8:45 p. m. y", "a las ocho y cuarenta y cinco de la noche y"),
    ("a las 3 p. m. y", "a las tres de la tarde y"),
    ("a las 12:00 p. m. y", "a las doce del mediodía y"),
    ("a la 1:30 p. m. y", "a la una y media de la tarde y"),
    ("a las 2 a. m. y", "a las dos de la madrugada y"),
    ("Abre a las 9 a. m.", "Abre a las nueve de la mañana."),
    ("a las 14:00 h", "a las catorce horas"),
    ("a las 21:00", "a las veintiuna"),
    ("de 8:00–17:00", "de ocho a diecisiete"),
)
def test_dates_and_times(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("del 10 al 15 %", "del diez al quince por ciento"),
    ("10–15", "de diez a quince"),
    ("10-15 mg", "de diez a quince miligramos"),
    ("un 10–15 % de los casos", "un diez a quince por ciento de los casos"),
    ("de 40–74 años", "de cuarenta a setenta y cuatro años"),
    ("entre 10–15 días", "entre diez y quince días"),
    ("durante 10–15 segundos", "durante diez a quince segundos"),
    ("de 2019–2023", "de dos mil diecinueve a dos mil veintitrés"),
    ("15%", "quince por ciento"),
    ("el 100 %", "el cien por ciento"),
    ("1 %", "uno por ciento"),
    ("~5 cm", "alrededor de cinco centímetros"),
    ("≥ 140", "al menos ciento cuarenta"),
    ("< 100", "menos de cien"),
    ("65+ años", "sesenta y cinco o más años"),
    ("1/2 tableta", "media tableta"),
    ("1/2 vaso", "medio vaso"),
    ("3/4 de taza", "tres cuartos de taza"),
    ("$25,50", "veinticinco dólares con cincuenta centavos"),
    ("$1", "un dólar"),
    ("10 €", "diez euros"),
)
def test_ranges_percentages_and_symbols(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("Llame al (555) 123-4567.", "Llame al cinco cinco cinco, uno dos tres, cuatro cinco seis siete."),
    ("Llame al 555-123-4567.", "Llame al cinco cinco cinco, uno dos tres, cuatro cinco seis siete."),
    ("Llame al 1-800-555-0199.", "Llame al uno, ochocientos, cinco cinco cinco, cero uno nueve nueve."),
    ("Llame al 912 345 678.", "Llame al nueve uno dos, tres cuatro cinco, seis siete ocho."),
    ("Llame al +34 912 345 678.", "Llame al más tres cuatro, nueve uno dos, tres cuatro cinco, seis siete ocho."),
    ("Llame al 91 234 56 78.", "Llame al nueve uno, dos tres cuatro, cinco seis, siete ocho."),
    ("Llame al 911.", "Llame al nueve uno uno."),
    ("Tel.: 555-1234", "teléfono: cinco cinco cinco, uno dos tres cuatro"),
)
def test_phone_numbers_in_groups(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("La Dra. Ruiz y el Dr. Pérez", "La doctora Ruiz y el doctor Pérez"),
    ("la Sra. Gómez, el Sr. Gil y la Srta. Paz", "la señora Gómez, el señor Gil y la señorita Paz"),
    ("frutas, p. ej., manzanas", "frutas, por ejemplo, manzanas"),
    ("dolor, fiebre, etc.", "dolor, fiebre, etcétera."),
    ("dolor, fiebre, etc. son comunes", "dolor, fiebre, etcétera son comunes"),
    ("en EE. UU. hay", "en Estados Unidos hay"),
    ("vive en EE.UU.", "vive en Estados Unidos."),
    ("la habitación n.º 5", "la habitación número cinco"),
    ("¿Puede Ud. venir?", "¿Puede usted venir?"),
    ("Visite www.ejemplo.org/presion-arterial.", "Visite ejemplo punto org barra presion guion arterial."),
    ("Escriba a info@ejemplo.org.", "Escriba a info arroba ejemplo punto org."),
    ("calcio y/o vitamina D", "calcio y o vitamina D"),
    ("«Esto es una cita larga con muchas palabras», dijo.",
     "cita, Esto es una cita larga con muchas palabras, fin de la cita, dijo."),
    ("benigno (no canceroso) y", "benigno, no canceroso, y"),
    ("Salud & Vida", "Salud y Vida"),
)
def test_abbreviations_and_punctuation(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("el VIH", "el uve i hache"),
    ("el ADN y el ARN", "el a de ene y el a erre ene"),
    ("la OMS", "la o eme ese"),
    ("la FDA", "la efe de a"),
    ("una RM", "una erre eme"),
    ("la ONU, el SIDA, la TAC, la EPOC, el DIU", "la ONU, el SIDA, la TAC, la EPOC, el DIU"),  # said as words
    ("el gen BRCA1", "el gen be erre ce a uno"),
    ("la HbA1c", "la hache be a uno ce"),
    ("el ARNm", "el a erre ene eme"),
    ("la W", "la W"),  # a lone capital is left to the voice
    ("la O.M.S.", "la o eme ese."),
    ("COVID-19", "COVID diecinueve"),
    ("vitamina B12", "vitamina B doce"),
    ("es IMPORTANTE", "es IMPORTANTE"),
    ("NO tome más de 2.", "NO tome más de dos."),  # a short word in capitals is no acronym
    ("NO TOME ESTE MEDICAMENTO SI ESTÁ EMBARAZADA.", "No tome este medicamento si está embarazada."),
    ("¡NO TOME EL VIH!", "¡No tome el uve i hache!"),
    ("PMID: 26389448", "pe eme i de: dos seis tres ocho nueve cuatro cuatro ocho"),
)
def test_acronyms_by_spanish_letter_names(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(
    ("lead", "items", "ordered", "spoken"),
    [
        ("Los síntomas incluyen:", ["Dolor", "Hinchazón", "Inflamación"], False,
         "Los síntomas incluyen: dolor, hinchazón e inflamación."),  # "y" is "e" before an "i" sound
        ("Puede sentir", ["Mareo", "Hipo"], False, "Puede sentir: mareo e hipo."),
        ("", ["Mareo", "Tos seca, o", "Hinchazón"], False, "Mareo, tos seca o hinchazón."),
        ("", ["Siete", "Ocho, o", "Once"], False, "Siete, ocho u once."),
        ("Pasos:", ["1. Dúchese", "2. Vístase", "3. Llegue temprano"], True,
         "Pasos: primero, dúchese; segundo, vístase; y tercero, llegue temprano."),
        ("Antes de la prueba:", ["No use desodorante.", "Traiga sus estudios anteriores."], True,
         "Antes de la prueba: Primero, no use desodorante. Segundo, traiga sus estudios anteriores."),
        ("Los efectos más comunes son", ["La hinchazón", "El cansancio"], False,
         "Los efectos más comunes son la hinchazón y el cansancio."),
    ],
)
def test_spoken_list_in_spanish(lead: str, items: list[str], ordered: bool, spoken: str) -> None:
    assert spanish.spoken_list(lead, items, ordered, LEXICON) == spoken


def test_long_ordered_lists_keep_counting_in_spanish() -> None:
    spoken = spanish.spoken_list("", [f"Haga el paso {n}." for n in range(1, 13)], True, LEXICON)
    assert spoken.startswith("Primero, haga el paso uno.") and "Décimo, haga el paso diez." in spoken
    assert "Número 12, haga el paso doce." in spoken


# ---------------------------------------------------------------- the registry and the lexicon


@pytest.mark.parametrize(("tag", "language"), [("es", "es"), ("es-MX", "es"), ("es_US", "es"), ("ES", "es"),
                                                ("en-us", "en"), ("", "en"), ("fr", "en")])
def test_registry_picks_the_normalizer_by_primary_subtag(tag: str, language: str) -> None:
    assert normalizer_for(tag) is NORMALIZERS[language]


def test_english_is_the_default_and_unchanged() -> None:
    assert normalizer_for("").normalize is english_normalize
    assert english_normalize("Take 5 mg daily.", load_lexicon(None)) == "Take 5 milligrams daily."


def test_lexicon_entries_apply_to_their_language_only(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[entries]\n"HER2" = "her 2"\n\n[languages.es]\n"HER2" = "her dos"\n"IMSS" = "imss"\n',
                    encoding="utf-8")
    words = load_lexicon(None).merged(read_lexicon(path))
    assert english_normalize("the HER2 and IMSS", words) == "the her 2 and I.M.S.S"
    assert spanish.normalize("el HER2 y el IMSS", words.for_language("es-MX")) == "el her dos y el imss"
    # the shipped English entries are not Spanish ones: "BRCA1" is "bracka 1" in English only
    assert english_normalize("BRCA1", words) == "bracka 1"
    assert spanish.normalize("BRCA1", words.for_language("es")) == "be erre ce a uno"


@pytest.mark.parametrize(("text", "problem"), [
    ('[languages]\nes = 1\n', "[languages.es] must be a table"),
    ('[languages.spanish]\n"A" = "a"\n', "name the language by its code"),
    ('[languages.es]\n"VIH" = ""\n', "the spoken form is empty"),
])
def test_bad_language_sections_are_one_line_errors(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)):
        read_lexicon(path)


def test_shipped_spanish_entries_are_in_their_own_section() -> None:
    shipped = load_lexicon(None)
    spanish_entries = {e.written: e.spoken for e in shipped.entries if e.language == "es"}
    assert spanish_entries["BI-RADS"] == "birads"
    assert {e.written: e.spoken for e in shipped.entries if e.language == "en"}["BI-RADS"] == "BI-RADS"
    assert isinstance(shipped, Lexicon) and shipped.language == "en"


# ---------------------------------------------------------------- sentences and headings


@pytest.mark.parametrize(("text", "expected"), [
    ("¿Qué es una mamografía? Es una radiografía.", ["¿Qué es una mamografía?", "Es una radiografía."]),
    ("Es así. ¿Por qué? Porque sí.", ["Es así.", "¿Por qué?", "Porque sí."]),
    ("¡Cuidado! No tome 2 dosis.", ["¡Cuidado!", "No tome 2 dosis."]),
    ("¿Tiene dolor? ¿fiebre? Llame.", ["¿Tiene dolor? ¿fiebre?", "Llame."]),  # a series of questions goes on
    ("Si tiene fiebre, ¿debe llamar? Sí.", ["Si tiene fiebre, ¿debe llamar?", "Sí."]),
    ("Dijo «Basta.» Luego salió.", ["Dijo «Basta.»", "Luego salió."]),
    ("La Dra. Ruiz la verá. La Sra. Gómez también.", ["La Dra. Ruiz la verá.", "La Sra. Gómez también."]),
    ("Vive en EE. UU. desde 2010.", ["Vive en EE. UU. desde 2010."]),
    ("Vive en EE. UU. Trabaja allí.", ["Vive en EE. UU.", "Trabaja allí."]),
    ("Traiga, p. ej. Su tarjeta.", ["Traiga, p. ej. Su tarjeta."]),
    ("Dura aprox. 20 minutos.", ["Dura aprox. 20 minutos."]),
    ("Abre a las 8 a. m. y cierra a las 5 p. m. Llame antes.",
     ["Abre a las 8 a. m. y cierra a las 5 p. m.", "Llame antes."]),
    ("El 1.º de mayo. El 2.º día.", ["El 1.º de mayo.", "El 2.º día."]),
    ("Cuesta 1.000 dólares. Pague antes.", ["Cuesta 1.000 dólares.", "Pague antes."]),
    ("¿Duele? No. Es rápido.", ["¿Duele?", "No.", "Es rápido."]),
    ("Does it hurt? No. It is quick.", ["Does it hurt?", "No.", "It is quick."]),  # English too
    ("See room No. 5 today.", ["See room No. 5 today."]),
])
def test_spanish_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_spanish_question_is_a_heading_and_a_title_in_plain_text() -> None:
    text = ("¿Qué son las calcificaciones?\n\nSon depósitos de calcio en la mama.\n\n"
            "¿Son peligrosas?\n\nCasi nunca. La mayoría son benignas.\n\n"
            "Cómo se detectan\n\nCon una mamografía.\n")
    title, items = parse_text(text, debris_filter("calcificaciones.txt", ()))
    assert title == "¿Qué son las calcificaciones?"
    headings = [item.text for item in items if isinstance(item, Heading)]
    assert headings == ["¿Son peligrosas?", "Cómo se detectan"]
    assert looks_like_heading("¿Qué son las calcificaciones?", "Son depósitos de calcio.")
    assert not looks_like_heading("¿Duele? Un poco.", "Es normal.")


def test_two_short_spanish_sentences_are_not_a_figure_caption() -> None:
    text = "Título\n\nEs normal. Muchas mujeres sienten molestias durante la prueba.\n\nOtra línea de texto aquí.\n"
    _, items = parse_text(text, debris_filter("x.txt", ()))
    assert any(getattr(item, "text", "").startswith("Es normal.") for item in items)


# ---------------------------------------------------------------- the two Spanish articles


@cache
def expected(page: str) -> dict:
    return tomllib.loads((FIXTURES / "expected" / f"{page}.toml").read_text(encoding="utf-8"))


@cache
def article(page: str, form: str) -> Article:
    return read_article(FIXTURES / f"{page}.{form}")


@cache
def script_lines(page: str, form: str) -> tuple[str, ...]:
    """Every spoken line of the generated scripts (titles included), credits read as an episode."""
    doc = article(page, form)
    lines = []
    for planned in plan_sections(doc, "episode"):
        text = script_text(doc, planned, load_lexicon(None), Report(), ScriptConfig())
        lines += [line.removeprefix("title: ").removeprefix("[heading] ") for line in text.splitlines()
                  if line.strip() and not line.startswith("#")]
    return tuple(lines)


def words(text: str) -> list[str]:
    """The words a listener hears: case and punctuation aside; a digit is no word (a number must be said)."""
    return re.findall(r"[^\W\d_]+|\d+", text.lower())


def contains(heard: list[str], wanted: list[str]) -> bool:
    return any(heard[i:i + len(wanted)] == wanted for i in range(len(heard) - len(wanted) + 1))


@pytest.mark.parametrize("page", PAGES)
def test_expectations_name_text_of_the_files(page: str) -> None:
    """Like the corpus's verify.py: every heading is a line of both files, every `written` is in its file(s)."""
    sources = {form: (FIXTURES / f"{page}.{form}").read_text(encoding="utf-8") for form in ("md", "txt")}
    for section in expected(page)["sections"]:
        for form, source in sources.items():
            assert section["heading"] in [line.lstrip("# ") for line in source.splitlines()], (form, section)
    for entry in expected(page)["tricky"]:
        forms = ("md", "txt") if entry["in"] == "both" else (entry["in"],)
        assert all(entry["written"] in sources[form] for form in forms), entry["written"]


@pytest.mark.parametrize("page, form", CASES)
def test_language_title_sections_and_credits(page: str, form: str) -> None:
    doc, wanted = article(page, form), expected(page)
    assert doc.meta.language == wanted["language"]
    assert doc.title == wanted["title"]
    assert [s.heading for s in doc.sections if s.heading] == [s["heading"] for s in wanted["sections"]]
    assert bool(doc.sections[0].heading == "") == wanted["intro"]
    assert [s.heading for s in doc.sections if s.role == "credits"] == wanted["credits"]
    assert not doc.dropped


TRICKY = [(page, form, entry) for page in PAGES for entry in expected(page)["tricky"]
          for form in (("md", "txt") if entry["in"] == "both" else (entry["in"],))]


@pytest.mark.parametrize("page, form, entry", TRICKY, ids=[f"{p}:{f}:{e['written'][:30]}" for p, f, e in TRICKY])
def test_tricky_sentences_sound_as_written_down(page: str, form: str, entry: dict) -> None:
    heard = words(" ".join(script_lines(page, form)))
    assert contains(heard, words(entry["spoken"])), f"wanted {entry['spoken']!r} ({entry['why']})"


@pytest.mark.parametrize("page, form", CASES)
def test_no_digit_symbol_or_english_word_is_left(page: str, form: str) -> None:
    for line in script_lines(page, form):
        assert not re.search(r"\d|[%$€&/()\[\]«»“”\"–—*#<>~+=@]", line), line
        assert not re.search(r"\b(?:and|or|to|percent|milligrams?|point)\b", line), line
        assert split_sentences(line) == [line], line  # one sentence a line, opening marks included


@pytest.fixture(scope="module")
def espeak():  # noqa: ANN201 - piper's espeak-ng phonemizer
    phonemizer = pytest.importorskip("piper.phonemize_espeak").EspeakPhonemizer()
    try:
        phonemizer.phonemize("es-419", "hola")
    except RuntimeError as err:  # pragma: no cover - a piper without Spanish espeak-ng data
        pytest.skip(f"no Spanish in piper's espeak-ng data: {err}")
    return phonemizer


def heard(espeak, text: str) -> list[str]:  # noqa: ANN001
    return ["".join(sentence) for sentence in espeak.phonemize("es-419", text)]


@pytest.mark.parametrize(("raw", "misreading"), [
    ("Tome 5 mg al día.", "ˌemexˈe"),  # "mg" said as letters
    ("el VIH y el ADN", "ˈadn"),  # "ADN" said as a word it is not
    ("el 1.º de mayo", "pˌunto"),  # "uno punto o"
    ("en EE. UU. hay", "ˈee."),  # "EE." ends a sentence
    ("a las 8:30 a. m.", "ˈɛme"),  # "a eme"
    ("Llame al 911.", "nˌoβesjˈɛntos"),  # "novecientos once"
    ("120/80 mmHg", "βˈara"),  # "ciento veinte barra ochenta"
])
def test_raw_spanish_has_the_misreading_and_normalized_text_does_not(espeak, raw: str, misreading: str) -> None:  # noqa: ANN001
    assert misreading in "".join(heard(espeak, raw))
    assert misreading not in "".join(heard(espeak, say(raw)))


@pytest.mark.parametrize("page, form", CASES)
def test_article_scripts_through_the_spanish_phonemizer(espeak, page: str, form: str) -> None:  # noqa: ANN001
    lines = script_lines(page, form)
    for line in lines:
        assert len(heard(espeak, line)) == 1, line  # espeak-ng, too, hears one sentence
    everything = " ".join(" ".join(heard(espeak, line)) for line in lines)
    for misreading in ("ˌemexˈe", "pˌunto ˈo", "ˈee.", "poɾsjˈɛnto", "ˈadn"):
        assert misreading not in everything


@pytest.mark.parametrize("page, form", CASES)
def test_spanish_scripts_leave_nothing_to_review(tmp_path: Path, page: str, form: str) -> None:
    """The review reads ¿ and ¡ as punctuation and a joined section's heading as a heading, not a fragment."""
    doc = article(page, form)
    synced = sync_scripts(doc, tmp_path, load_lexicon(None), ScriptConfig(), AudioConfig())
    findings = review_article(doc, synced.scripts, load_lexicon(None))
    assert [str(f) for f in findings if f.kind not in (LEVEL, CREDITS)] == []  # reading levels, credits: information


def test_a_spanish_book_syncs_each_written_sentence_to_its_spoken_one(tmp_path: Path) -> None:
    """The talking book maps the text as written to the script's sentences by the article's own normalizer: every
    written sentence of the article gets its place in the audio ("1.000 millones" to "mil millones")."""
    from conftest import FakeEngine, make_project
    from test_epub import SENTENCE_ID, built_book, clips

    from narration.build.pipeline import build

    project = make_project(tmp_path / "project", '[scripts]\nmin_section_seconds = 0\n')
    source = FIXTURES / "amlodipino.md"
    report = build(project.config, project.options(source, holdline=False), engine=FakeEngine())
    book = built_book(project, report, source)
    xhtml = book.read("EPUB/chapter.xhtml")
    synced = {e.get("id"): "".join(e.itertext()) for e in xhtml.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")}
    assert any("1.000 millones" in text for text in synced.values())
    written = [split_sentences(" ".join(block.text.split())) for section in book.article.sections
               for block in section.blocks if block.kind == "paragraph" and section.role == "body"
               and not block.text.endswith(":")]  # a list's lead-in is shown with its list
    for sentence in (s for paragraph in written for s in paragraph):  # each one shown where it is spoken
        assert sentence in synced.values(), sentence
    assert len(clips(book)) == len(synced)


def test_a_hard_wrapped_spanish_line_is_joined_before_an_accented_word() -> None:
    text = "Título\n\nTome la pastilla con\nácido fólico cada mañana.\n\nOtra frase aquí.\n"
    _, items = parse_text(text, debris_filter("x.txt", ()))
    assert [getattr(item, "text", "") for item in items][0] == "Tome la pastilla con ácido fólico cada mañana."
