"""Mapper budgets: plain-text throughput on one core (patterns compiled first), a 200-page PDF
mapped end to end (extraction included), and the peak memory of the process.

    DJANGO_SETTINGS_MODULE=config.test_settings .venv/bin/python bench/mapper_throughput.py

Budgets (issue 8): >= 5 MB/s, < 10 s for 200 pages, < 300 MB peak. The patterns are compiled and
the learned weights loaded before the timing (both happen once per process). Bounded: one run of each.
Throughput is CPU time of this process (one core), since the machine may be shared; wall time is
printed beside it. Two kinds of text: the project's seed publication (a real English document about
SDGs in municipal cooperation, repeated to 10 MB) and, per language, the evaluation passages
repeated to 10 MB: a worst case where every sentence is on an SDG.
"""

from __future__ import annotations

import io
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from tests.mapper.documents import make_pdf  # noqa: E402
from twinning.mapper.classifier import model  # noqa: E402
from twinning.mapper.evaluation import load_passages  # noqa: E402
from twinning.mapper.extract import extract  # noqa: E402
from twinning.mapper.mapping import map_text  # noqa: E402
from twinning.mapper.matcher import LANGUAGES, compiled  # noqa: E402

DATA = ROOT / "tests" / "data" / "mapper"
TARGET_MB = 10
SEED = ROOT.parent.parent / "shared" / "seed" / "sdgs-in-municipal-international-cooperation.txt"


def corpus(language: str, megabytes: int) -> str:
    paragraph = " ".join(p.text for p in load_passages(DATA, language))
    copies = megabytes * 1024 * 1024 // len(paragraph.encode()) + 1
    return "\n".join([paragraph] * copies)


def main() -> None:
    for language in LANGUAGES:
        compiled(language)  # compile once, outside the timing
    model()  # the learned weights are read once per process too
    print("plain text, one core, patterns compiled and weights loaded (CPU time; wall time in brackets):")
    texts = [
        (f"{language} evaluation passages (every sentence on an SDG)", language, corpus(language, TARGET_MB))
        for language in LANGUAGES
    ]
    for seed in (SEED, Path("/work/shared/seed") / SEED.name):
        if seed.is_file():
            publication = seed.read_text(encoding="utf-8")
            copies = TARGET_MB * 1024 * 1024 // len(publication.encode()) + 1
            texts.insert(0, ("en seed publication", "en", "\n".join([publication] * copies)))
            break
    for label, language, text in texts:
        size = len(text.encode()) / (1024 * 1024)
        started, cpu = time.perf_counter(), time.process_time()
        result = map_text(text, language)
        seconds, wall = time.process_time() - cpu, time.perf_counter() - started
        print(
            f"  {label}: {size:.1f} MB, {size / seconds:.1f} MB/s ({size / wall:.1f} MB/s wall); top {result.top[:5]}"
        )
    page = " ".join(p.text for p in load_passages(DATA, "nl"))[:2600]
    pdf = make_pdf([page] * 200)
    started, cpu = time.perf_counter(), time.process_time()
    text = extract(io.BytesIO(pdf), "akkoord.pdf")
    extracted = time.process_time() - cpu
    result = map_text(text)
    total, wall = time.process_time() - cpu, time.perf_counter() - started
    print(
        f"200-page PDF ({len(pdf) / 1024:.0f} KB, {result.words} words): extraction {extracted:.2f} s, "
        f"end to end {total:.2f} s CPU ({wall:.2f} s wall); language {result.language}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
