"""Summarise a locust *_stats.csv written by bench/run.sh.

Usage: report.py STATS_CSV [--budget 3.0] [--markdown]

Prints one row per URL (name, requests, failures, p50 ms, p95 ms, req/s) and the ratio
partnership p95 / healthz p95 against the budget. Exit status: 0 when the ratio is within
budget and no request failed, 1 otherwise, 2 when the CSV lacks a needed row.
With --markdown the rows are printed as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import csv
import sys

PARTNERSHIP = "/en/partnerships/lommel-ongwediva/"
HEALTHZ = "/healthz"
ORDER = ["/en/", PARTNERSHIP, "/en/sdgs/6/", HEALTHZ]


def read_rows(path: str) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def number(row: dict[str, str], column: str) -> float:
    value = row.get(column, "")
    return float(value) if value not in ("", "N/A") else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stats_csv")
    parser.add_argument("--budget", type=float, default=3.0)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    rows = read_rows(args.stats_csv)
    missing = [name for name in (PARTNERSHIP, HEALTHZ) if name not in rows]
    if missing:
        print(f"report.py: no rows for {', '.join(missing)} in {args.stats_csv}", file=sys.stderr)
        return 2

    names = [name for name in ORDER if name in rows] + [n for n in rows if n not in ORDER and n != "Aggregated"]
    if "Aggregated" in rows:
        names.append("Aggregated")
    table = [
        (
            name,
            int(number(rows[name], "Request Count")),
            int(number(rows[name], "Failure Count")),
            number(rows[name], "50%"),
            number(rows[name], "95%"),
            number(rows[name], "Requests/s"),
        )
        for name in names
    ]

    healthz_p95 = number(rows[HEALTHZ], "95%")
    partnership_p95 = number(rows[PARTNERSHIP], "95%")
    ratio = partnership_p95 / healthz_p95 if healthz_p95 > 0 else float("inf")
    within = ratio <= args.budget
    failures = sum(row[2] for row in table if row[0] != "Aggregated")

    if args.markdown:
        print("| URL | requests | failures | p50 ms | p95 ms | req/s |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, count, failed, p50, p95, rps in table:
            label = name if name == "Aggregated" else f"`{name}`"
            print(f"| {label} | {count} | {failed} | {p50:.0f} | {p95:.0f} | {rps:.1f} |")
    else:
        width = max(len(row[0]) for row in table)
        print(f"{'name':<{width}}  {'requests':>8}  {'failures':>8}  {'p50 ms':>7}  {'p95 ms':>7}  {'req/s':>7}")
        for name, count, failed, p50, p95, rps in table:
            print(f"{name:<{width}}  {count:>8}  {failed:>8}  {p50:>7.0f}  {p95:>7.0f}  {rps:>7.1f}")
    print()
    verdict = "PASS" if within else "FAIL"
    print(
        f"partnership p95 / healthz p95 = {partnership_p95:.0f} / {healthz_p95:.0f} ms = {ratio:.2f}x "
        f"(budget {args.budget:.1f}x): {verdict}"
    )
    if failures:
        print(f"{failures} request(s) failed; see the *_failures.csv next to the stats.")
    return 0 if within and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
