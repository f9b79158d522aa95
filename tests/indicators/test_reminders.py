"""The yearly reminder that a value is due: the rule by hand, then the daily task and its command."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from tests.indicators.factories import BaselineFactory, MeasurementFactory, SelectionFactory
from twinning.indicators.due import latest_due_year, reminder_due
from twinning.indicators.models import LibraryIndicator, Reminder
from twinning.indicators.tasks import send_measurement_reminders


def test_a_year_is_due_from_the_first_of_april_after_it():
    assert latest_due_year(date(2026, 3, 31)) == 2024
    assert latest_due_year(date(2026, 4, 1)) == 2025


def test_a_reminder_names_the_missing_year_once():
    april = date(2026, 4, 2)
    assert reminder_due(april, latest_measured=2024, first_year=2020, reminded=set()) == 2025
    assert reminder_due(april, latest_measured=2025, first_year=2020, reminded=set()) is None
    assert reminder_due(april, latest_measured=None, first_year=2020, reminded={2025}) is None
    assert reminder_due(april, latest_measured=None, first_year=2026, reminded=set()) is None  # just selected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(1990, 2100))
def test_a_reminder_is_never_for_a_year_already_measured_or_not_yet_over(today, measured):
    year = reminder_due(today, latest_measured=measured, first_year=1990, reminded=set())
    assert year is None or (measured < year < today.year)


@pytest.fixture
def followed(world):
    water = LibraryIndicator.objects.get(code="L-06-01")
    selection = SelectionFactory(
        partnership=world["partnership"], indicator=water, proposed_by=world["a"], decided_by=world["b"],
        decided_at=datetime(2020, 5, 1, tzinfo=UTC),
    )  # fmt: skip
    BaselineFactory(selection=selection, municipality=world["a"], baseline_year=2020)
    MeasurementFactory(indicator=water, municipality=world["a"], year=2025, value=71)
    MeasurementFactory(indicator=water, municipality=world["b"], year=2024, value=40)
    return selection


def test_staff_of_the_municipality_missing_a_value_get_one_email(world, followed):
    world["coordinator_b"].email = "coordinator-b@example.org"
    world["coordinator_b"].save()
    assert send_measurement_reminders.call("2026-04-02") == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator-b@example.org"]
    assert "2025" in message.subject and "L-06-01" in message.subject
    assert f"/indicators/{followed.pk}/measurements/{world['b'].slug}/" in message.body
    assert list(Reminder.objects.values_list("municipality", "year")) == [(world["b"].pk, 2025)]
    assert send_measurement_reminders.call("2026-04-03") == 0  # once per indicator, municipality and year


def test_the_daily_command_enqueues_the_reminders(world, followed, capsys):
    world["coordinator_b"].email = "coordinator-b@example.org"
    world["coordinator_b"].save()
    call_command("send_measurement_reminders", today="2026-03-01")
    assert "0 reminder(s) sent." in capsys.readouterr().out
    call_command("send_measurement_reminders", today="2026-05-01")
    assert "1 reminder(s) sent." in capsys.readouterr().out
