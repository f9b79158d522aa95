"""Network matching benchmark: 300 municipalities x 17 SDGs must be matched in under 1 s.

Pure computation (no database, no network): random self-assessed scores 0..100 with a fixed
seed, the default thresholds (strong >= 70, weak <= 40) and at most 3 matches per peer, solved
by twinning.assessment.network.assign (scipy.optimize.linear_sum_assignment). Runs 5 times and
reports the best and the worst wall-clock time.

    DJANGO_SETTINGS_MODULE=config.test_settings .venv/bin/python bench/assessment_network_matching.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")

import django  # noqa: E402

django.setup()

from twinning.assessment import network  # noqa: E402

MUNICIPALITIES, GOALS, RUNS, BUDGET_S = 300, 17, 5, 1.0


def main() -> int:
    rng = random.Random(2026)
    scores = {f"m{i:03d}": {g: rng.randint(0, 100) for g in range(1, GOALS + 1)} for i in range(MUNICIPALITIES)}
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = network.assign(scores, strong=70, weak=40, limit=3)
        times.append(time.perf_counter() - start)
    weak = len(result.matches) + len(result.unmatched)
    print(
        f"{MUNICIPALITIES} municipalities x {GOALS} SDGs: {weak} weak SDGs, {len(result.matches)} matched "
        f"(limit 3 per peer); best {min(times):.3f} s, worst {max(times):.3f} s over {RUNS} runs"
    )
    return 0 if max(times) < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
