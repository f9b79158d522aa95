"""python manage.py sdg_train: learn the mapper's weights (twinning/mapper/data/model.json) from the
training passages and the evaluation parts that are not kept aside (development only)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from twinning.mapper.classifier import MODEL_FILE
from twinning.mapper.evaluation import load_passages
from twinning.mapper.matcher import DATA, LANGUAGES
from twinning.mapper.training import train

CORPUS = DATA / "corpus"
EVALUATION = Path(settings.BASE_DIR) / "tests" / "data" / "mapper"
# the parts kept aside to measure the mapper on text it has not learned from (docs/mapper.md)
KEPT_ASIDE = ("heldout7", "heldout8", "heldout9")


def training_passages(corpus: Path = CORPUS, evaluation: Path = EVALUATION, kept_aside=KEPT_ASIDE):
    passages = []
    for language in LANGUAGES:
        passages += load_passages(corpus, language)
        passages += [p for p in load_passages(evaluation, language) if p.split not in kept_aside]
    return passages


def as_text(model: dict) -> str:
    """The model as JSON with one feature a line, so that a retrained model shows as a readable diff."""
    head = {key: value for key, value in model.items() if key != "features"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "features": {']
    names = list(model["features"])
    for number, name in enumerate(names):
        comma = "," if number < len(names) - 1 else ""
        lines.append(f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(model['features'][name])}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Learn the SDG mapper's weights from the labelled passages and write them to the model file."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(MODEL_FILE))

    def handle(self, *args, output, **options):
        passages = training_passages()
        model = train(passages)
        Path(output).write_text(as_text(model), encoding="utf-8")
        self.stdout.write(f"{len(passages)} passages, {len(model['features'])} features: {output}")
