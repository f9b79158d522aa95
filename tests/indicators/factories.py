"""Factories for indicator tests: a custom indicator, a selection, baselines and measurements."""

from __future__ import annotations

import factory

from tests.factories import NASTY
from twinning.indicators.models import BaselineTarget, Direction, LibraryIndicator, Measurement, Selection


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LibraryIndicator
        django_get_or_create = ("owner", "code")  # the permission matrix builds its rows twice

    code = factory.Sequence(lambda n: f"P-{n:03d}")
    name = factory.LazyFunction(
        lambda: {"en": f"Share of happy residents {NASTY}", "nl": f"Aandeel blije inwoners {NASTY}"}
    )
    definition = factory.LazyFunction(lambda: {"en": f"Residents who say they are happy {NASTY}"})
    unit = factory.LazyFunction(lambda: {"en": "%", "nl": "%"})
    direction = Direction.HIGHER
    source = f"Resident survey {NASTY}"
    optimum = 100
    lower_bound = 0
    green_threshold = 80
    red_threshold = 40


class SelectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Selection
        django_get_or_create = ("partnership", "indicator")

    indicator = factory.SubFactory(IndicatorFactory)
    status = Selection.Status.ACCEPTED
    reason = f"We both track this {NASTY}"


class BaselineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BaselineTarget
        django_get_or_create = ("selection", "municipality")

    baseline_year = 2015
    baseline_value = 50
    target_year = 2030
    target_value = 80


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement
        django_get_or_create = ("indicator", "municipality", "year", "sex", "age_group")

    year = 2020
    sex = ""
    age_group = ""
    value = 60
    source = f"Survey {NASTY}"
