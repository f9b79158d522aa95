"""python manage.py sdg_map FILE [FILE ...] [--format json|table] [--language xx]"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.mapper.extract import ExtractionError, extract
from twinning.mapper.mapping import UnsupportedLanguage, map_text
from twinning.mapper.matcher import GOALS, LANGUAGES


class Command(BaseCommand):
    help = "Map documents (PDF, DOCX, ODT, TXT, HTML) to the 17 SDGs and print scores and passages."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument("--language", choices=LANGUAGES, default=None, help="skip language detection")
        parser.add_argument("--passages", type=int, default=5, help="passages per goal in the output")

    def handle(self, *args, files, format, language, passages, **options):
        results = []
        failed = 0
        for name in files:
            path = Path(name)
            if not path.is_file():
                results.append({"file": name, "error": "no such file"})
                failed += 1
                continue
            try:
                with path.open("rb") as stream:
                    text = extract(stream, path.name)
                result = map_text(text, language).as_dict()
            except (ExtractionError, UnsupportedLanguage) as exc:
                results.append({"file": name, "error": str(exc.message)})
                failed += 1
                continue
            kept, counts = [], {}
            for passage in result["passages"]:
                counts[passage["goal"]] = counts.get(passage["goal"], 0) + 1
                if counts[passage["goal"]] <= passages:
                    kept.append({key: passage[key] for key in ("goal", "text", "start", "end")})
            results.append(
                {
                    "file": name,
                    "language": result["language"],
                    "words": result["words"],
                    "scores": result["scores"],
                    "top": result["top"],
                    "targets": result["targets"],
                    "passages": kept,
                }
            )
        if format == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self._table(results))
        if failed == len(files):
            raise CommandError(f"none of the {len(files)} file(s) could be mapped")

    def _table(self, results: list[dict]) -> str:
        lines = []
        for result in results:
            lines.append(f"== {result['file']}")
            if "error" in result:
                lines.append(f"   error: {result['error']}")
                continue
            lines.append(f"   language {result['language']}, {result['words']} words")
            lines.append("   SDG  score  bar")
            for goal in GOALS:
                value = result["scores"][str(goal)]
                mark = " *" if goal in result["top"] else ""
                lines.append(f"   {goal:>3}  {value:5.2f}  {'#' * round(value * 20)}{mark}")
            lines.append("   * above the relevance threshold; top: " + (", ".join(map(str, result["top"])) or "none"))
        return "\n".join(lines)
