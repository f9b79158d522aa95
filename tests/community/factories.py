"""Factories of the community tests; user-written text carries <script>."""

from __future__ import annotations

import factory

from tests.factories import NASTY
from twinning.community.models import Hero, Story
from twinning.sdg.models import Goal


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    title = factory.Sequence(lambda n: f"Story {n} {NASTY}")
    text = f"We planted trees. {NASTY}"
    kind = Story.Kind.PRACTICE


class HeroFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hero

    name = factory.Sequence(lambda n: f"Hero {n} {NASTY}")
    goal = factory.LazyFunction(lambda: Goal.objects.get(number=1))
    consent = True
