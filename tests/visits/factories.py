"""Factories of the visits app; text carries <script> so escaping is always exercised."""

from __future__ import annotations

import datetime as dt

import factory

from tests.factories import NASTY
from twinning.visits.models import Delegate, ProgrammeItem, Visit


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    start_date = dt.date(2025, 5, 12)
    end_date = dt.date(2025, 5, 14)
    purpose = f"Learn from each other's waste management {NASTY}"
    time_zone = "Africa/Windhoek"


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    name = factory.Sequence(lambda n: f"Delegate {n} {NASTY}")
    role = "Alderman"
    organisation = f"Environment department {NASTY}"
    gender = "woman"
    cabin_class = "economy"


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    day = dt.date(2025, 5, 12)
    start_time = dt.time(9, 0)
    end_time = dt.time(10, 30)
    place = f"Town hall {NASTY}"
    who = "Both mayors"
    what = f"Visit of the recycling park {NASTY}"
