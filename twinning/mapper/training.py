"""Learning the weights of ``classifier.py`` from labelled passages (development only: it needs
scikit-learn, which the running platform does not).

One L2-regularised logistic regression per goal over the features ``classifier.features`` gives a
passage; the result is plain data (``train``), written to ``data/model.json`` by the
``sdg_train`` command. Weights too small to change a decision are left out of the file.
"""

from __future__ import annotations

from collections.abc import Iterable

from twinning.mapper.classifier import features
from twinning.mapper.evaluation import Passage
from twinning.mapper.matcher import GOALS, compiled

# chosen by cross-validation on the training passages (docs/mapper.md)
REGULARISATION = 2.0
FIRST = 0.1
MORE = 0.6
SMALLEST_WEIGHT = 0.02


def passage_features(passages: Iterable[Passage]) -> list[dict[str, float]]:
    return [features(p.language, p.text, compiled(p.language).find(p.text)) for p in passages]


def train(
    passages: list[Passage], *, regularisation: float = REGULARISATION, first: float = FIRST, more: float = MORE
) -> dict:
    """The model as JSON-ready data: bias per goal, per feature its non-zero weights per goal."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(passage_features(passages))
    names = vectoriser.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for goal in GOALS:
        labels = [goal in p.goals for p in passages]
        regression = LogisticRegression(C=regularisation, max_iter=5000)
        regression.fit(matrix, labels)
        bias[str(goal)] = round(float(regression.intercept_[0]), 3)
        for name, weight in zip(names, regression.coef_[0], strict=True):
            if abs(weight) >= SMALLEST_WEIGHT:
                weights.setdefault(str(name), {})[str(goal)] = round(float(weight), 3)
    return {
        "about": "Learned by python manage.py sdg_train; see twinning/mapper/classifier.py and docs/mapper.md.",
        "passages": len(passages),
        "first": first,
        "more": more,
        "bias": bias,
        "features": dict(sorted(weights.items())),
    }
