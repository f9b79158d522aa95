"""Factories of the games app; text carries <script> so escaping is always exercised."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import NASTY
from twinning.games.models import Game, Stop, Team


class GameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Game

    title = factory.LazyFunction(lambda: {"en": f"City game {NASTY}", "nl": f"Stadsspel {NASTY}"})
    intro = factory.LazyFunction(lambda: {"en": f"Race through town {NASTY}"})
    languages = factory.LazyFunction(lambda: ["en", "nl"])
    time_limit_minutes = 60
    is_published = True


class StopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stop

    order = factory.Sequence(lambda n: n + 1)
    title = factory.LazyFunction(lambda: {"en": f"Market square {NASTY}"})
    latitude = Decimal("50.000000")
    longitude = Decimal("3.000000")
    radius_m = 30
    kind = "choice"
    question = factory.LazyFunction(lambda: {"en": f"Which SDG is about water? {NASTY}"})
    choices = factory.LazyFunction(lambda: [{"en": "SDG 6"}, {"en": "SDG 7"}])
    correct_choice = 0
    points = 10
    partner_fact = factory.LazyFunction(lambda: {"en": f"The partner city has a water board {NASTY}"})


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n} {NASTY}")
    started_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(minutes=10))
