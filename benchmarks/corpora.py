"""Build the benchmark corpora deterministically from ``../shared/corpora`` into a cache.

Three corpora, each a JSONL file of ``{"id", "text"}`` records under ``benchmarks/.cache/``
(ignored by git; corpus text never enters the repository):

- ``clean``: real English news as scraped: Guardian/NYT (headline line, blank line, article),
  BBC (one of its files is not UTF-8; it is decoded with replacement characters, as a scraper
  would), Reuters bodies (SGML entities left in place), the Lee corpus (ASCII and Latin-1).
- ``noisy``: the same documents, where a seeded random tenth is mojibaked (UTF-8 read as
  Windows-1252), a fifth get a stray glued quote (``is’set``) and a fifth get boilerplate lines.
- ``international``: accent-heavy prose (French, German, Spanish, Portuguese, Czech, Russian…):
  the non-English lines of ``mojibake_in_the_wild_mined`` repaired by ftfy, the repaired text of
  ftfy's test cases, and paragraphs written for this benchmark, grouped into documents.

Run ``python -m benchmarks.corpora`` to (re)build; ``load(name)`` builds on first use.
"""

from __future__ import annotations

import csv
import random
import re
import sys
import tarfile
import unicodedata
from pathlib import Path

import ftfy
import orjson

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
CACHE = Path(__file__).resolve().parent / ".cache"
NAMES = ("clean", "noisy", "international")
# Bump when the recipe changes, so stale caches are rebuilt.
RECIPE_VERSION = "1"

_REUTERS_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.DOTALL)
_BOILERPLATE_LINES = ("Advertisement", "Read more", "More to come…", "There will be more to come.")

# Text written for this benchmark (not taken from any corpus): accent-heavy prose.
WRITTEN_INTERNATIONAL = (
    "Le conseil municipal a décidé, après un débat houleux, de rénover l’école élémentaire "
    "située près de la gare. Les élèves déménageront à la fin de l’été ; les travaux, estimés "
    "à deux millions d’euros, dureront jusqu’à Noël. « Ce n’était pas une décision facile », "
    "a déclaré la maire, très émue.",
    "Die Bürgerinnen und Bürger der Gemeinde müssen sich gedulden: Die Straßenbahn fährt "
    "während der Bauarbeiten nicht über die Brücke. Der Bürgermeister erklärte, die Maßnahme "
    "sei unumgänglich, weil die Stützpfeiler größere Schäden aufwiesen als befürchtet.",
    "El ayuntamiento anunció ayer que la biblioteca pública abrirá también los domingos. "
    "«Queremos que los niños y las familias tengan un lugar tranquilo donde leer», explicó "
    "la concejala de Educación, quien añadió que la ampliación costará menos de lo previsto.",
    "A prefeitura informou que as obras na avenida principal serão concluídas até o fim do "
    "mês. Os comerciantes, porém, reclamam da redução do movimento e pedem compensação; "
    "segundo a associação, as vendas caíram quase pela metade desde março.",
    "Městská rada schválila rozpočet na opravu mostu přes řeku. Práce začnou příští měsíc a "
    "potrvají přibližně půl roku; řidiči musí počítat s objížďkou přes sousední čtvrť. "
    "Starosta uvedl, že oprava je nezbytná kvůli bezpečnosti chodců.",
    "Городской совет утвердил план ремонта центральной площади. Работы начнутся весной и "
    "продлятся около полугода; жителей просят заранее планировать маршруты. По словам мэра, "
    "новая площадь станет удобнее для пешеходов и велосипедистов.",
    "Zářijové počasí překvapilo meteorology: teploty vystoupaly až k třiceti stupňům Celsia, "
    "zatímco v horách již napadl první sníh. Turisté proto musí být připraveni na všechno.",
    "Les négociations entre les syndicats et la direction ont échoué jeudi soir. Les employés "
    "grévistes réclament une hausse de salaire et de meilleures conditions de sécurité ; la "
    "direction répond qu’elle ne peut pas dépasser l’enveloppe déjà annoncée.",
)


def _guardian_nyt() -> list[str]:
    docs = []
    folder = SHARED / "guardian_nyt_russia_ukraine_2022"
    for name in ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                docs.append(f"{row['headlines']}\n\n{row['articles']}")
    return docs


def _bbc() -> list[str]:
    docs = []
    with tarfile.open(SHARED / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz") as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.isfile() and m.name.endswith(".txt")),
            key=lambda m: m.name,
        )
        for member in members:
            if member.name.endswith("README.TXT"):
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                # One file is not valid UTF-8: a scraper decoding it would see U+FFFD.
                docs.append(handle.read().decode("utf-8", errors="replace"))
    return docs


def _reuters() -> list[str]:
    docs = []
    for path in sorted((SHARED / "reuters21578_sample").glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        docs.extend(match.group(1) for match in _REUTERS_BODY_RE.finditer(raw))
    return docs


def _lee() -> list[str]:
    folder = SHARED / "gensim_lee_corpus"
    lines = (folder / "lee_background.cor").read_text(encoding="ascii").splitlines()
    lines += (folder / "lee.cor").read_bytes().decode("latin-1").splitlines()
    return [line for line in lines if line.strip()]


def build_clean() -> list[str]:
    """Real English news documents, in a fixed order."""
    return [doc for doc in _guardian_nyt() + _bbc() + _reuters() + _lee() if doc.strip()]


def _mojibake(text: str) -> str:
    # UTF-8 bytes read as Windows-1252: the commonest mojibake. ASCII text would come through
    # unchanged, so curly quotes are put in first.
    if text.isascii():
        text = re.sub(r'"([^"\n]*)"', "“\\1”", text).replace("'", "’")
    return text.encode("utf-8").decode("cp1252", errors="replace")


def _stray_quote(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 12:
        return text
    at = rng.randrange(1, len(words) - 10)
    words[at] = words[at] + "’" + words[at + 1]
    words[at + 4] = words[at + 4] + "’"
    del words[at + 1]
    return " ".join(words)


def build_noisy(clean: list[str]) -> list[str]:
    """``clean`` with seeded damage: 10% mojibake, 20% stray quotes, 20% boilerplate lines."""
    rng = random.Random(20240607)
    docs = []
    for text in clean:
        if rng.random() < 0.2:
            text = _stray_quote(text, rng)
        if rng.random() < 0.2:
            lines = text.split("\n")
            for _ in range(rng.randint(1, 3)):
                lines.insert(rng.randrange(len(lines) + 1), rng.choice(_BOILERPLATE_LINES))
            text = "\n".join(lines)
        if rng.random() < 0.1:
            text = _mojibake(text)
        docs.append(text)
    return docs


def _is_international(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 20 or "\ufffd" in line:
        return False
    foreign = sum(1 for c in letters if not c.isascii())
    return foreign / len(letters) >= 0.04


def build_international() -> list[str]:
    """Accent-heavy prose lines grouped eight to a document."""
    lines: list[str] = []
    with (SHARED / "mojibake_in_the_wild_mined" / "mojibake_lines.jsonl").open("rb") as handle:
        for raw in handle:
            fixed = ftfy.fix_text(orjson.loads(raw)["line"], uncurl_quotes=False)
            if _is_international(fixed):
                lines.append(fixed)
    with (SHARED / "ftfy_test_cases" / "ftfy_test_cases.jsonl").open("rb") as handle:
        for raw in handle:
            case = orjson.loads(raw)
            if case["expect"] == "pass" and _is_international(case["expected_fix_encoding"]):
                lines.append(case["expected_fix_encoding"])
    # The written paragraphs, repeated in NFC and NFD so that they carry real weight.
    for paragraph in WRITTEN_INTERNATIONAL:
        lines.extend([paragraph] * 20)
        lines.append(unicodedata.normalize("NFD", paragraph))
    random.Random(7).shuffle(lines)
    return ["\n\n".join(lines[i : i + 8]) for i in range(0, len(lines), 8)]


def _write(path: Path, docs: list[str]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as out:
        for number, text in enumerate(docs):
            out.write(orjson.dumps({"id": f"{path.stem}-{number}", "text": text}) + b"\n")
    tmp.replace(path)


def build_all(cache: Path = CACHE) -> dict[str, Path]:
    """Build every corpus into ``cache`` (skipping those already built) and return the paths."""
    cache.mkdir(parents=True, exist_ok=True)
    paths = {name: cache / f"{name}-v{RECIPE_VERSION}.jsonl" for name in NAMES}
    if all(path.exists() for path in paths.values()):
        return paths
    clean = build_clean()
    _write(paths["clean"], clean)
    _write(paths["noisy"], build_noisy(clean))
    _write(paths["international"], build_international())
    return paths


def load(name: str, cache: Path = CACHE) -> list[bytes]:
    """The raw JSONL lines of corpus ``name`` (built on first use)."""
    return build_all(cache)[name].read_bytes().splitlines()


if __name__ == "__main__":
    for corpus, path in build_all().items():
        lines = path.read_bytes().splitlines()
        size = sum(len(orjson.loads(line)["text"].encode("utf-8")) for line in lines)
        sys.stdout.write(f"{corpus}: {len(lines)} documents, {size / 1e6:.1f} MB -> {path}\n")
