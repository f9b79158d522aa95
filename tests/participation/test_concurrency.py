"""Parallel voters on PostgreSQL: exact totals, and a code or a person that votes twice at the
same moment gets exactly one ballot. SQLite serialises every write, so this proof needs
PostgreSQL (CI's second run sets DATABASE_URL to it)."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from tests.participation import builders
from twinning.participation import actions
from twinning.participation.models import Ballot, BallotChoice, Phase
from twinning.participation.selectors import results

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite serialises writes, so parallel voting proves nothing",
    ),
]


def run_in_parallel(jobs) -> list:
    """Runs every job in its own thread and database connection, all released at once."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def worker(index, job):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = job()
        except Exception as exc:  # noqa: BLE001 (the test inspects every outcome)
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_parallel_voters_give_exact_totals_and_duplicates_are_refused(world):
    consultation = builders.consultation(world)
    codes = actions.codes_generate(consultation, actor=None, municipality=world["b"], community=None, count=30)
    shared_code = codes.pop()
    voters = [UserFactory(email_verified=True) for _ in range(5)]

    def by_code(code, goals):
        return lambda: actions.ballot_cast(consultation, priorities=goals, code=code)

    def by_person(user):
        return lambda: actions.ballot_cast(consultation, priorities=[4], voter=user, municipality=world["a"])

    jobs = [by_code(code, [13, 4] if i % 2 else [13]) for i, code in enumerate(codes)]  # 29 distinct codes
    jobs += [by_code(shared_code, [6]) for _ in range(6)]  # one code, six hands
    jobs += [by_person(voters[0]) for _ in range(6)]  # one person, six tabs
    jobs += [by_person(user) for user in voters[1:]]
    outcomes = run_in_parallel(jobs)

    duplicates = [o for o in outcomes if isinstance(o, actions.DuplicateBallot)]
    others = [o for o in outcomes if isinstance(o, Exception) and not isinstance(o, actions.DuplicateBallot)]
    assert not others
    assert len(duplicates) == 10  # 5 of the shared code, 5 of the same person
    assert Ballot.objects.filter(consultation=consultation).count() == 29 + 1 + 1 + 4
    priorities = Counter(
        BallotChoice.objects.filter(ballot__consultation=consultation, kind="priority").values_list("goal", flat=True)
    )
    assert priorities == Counter({13: 29, 4: 14 + 5, 6: 1})
    assert {row.goal: row.total for row in results(consultation).overall} == {13: 29, 4: 19, 6: 1}
    assert "You have already voted" in str(next(d for d in duplicates if "person" in str(d)))


def test_no_ballot_is_accepted_once_a_parallel_close_has_committed(world):
    consultation = builders.consultation(world)
    codes = actions.codes_generate(consultation, actor=None, municipality=world["a"], community=None, count=20)
    jobs = [lambda code=code: actions.ballot_cast(consultation, priorities=[13], code=code) for code in codes]
    jobs.append(lambda: actions.consultation_set_phase(consultation, actor=None, phase=Phase.CLOSED))
    outcomes = run_in_parallel(jobs)
    accepted = [o for o in outcomes[:-1] if isinstance(o, Ballot)]
    assert all(isinstance(o, Ballot | actions.ClosedError) for o in outcomes[:-1])
    consultation.refresh_from_db()
    assert consultation.phase == Phase.CLOSED
    ballots = Ballot.objects.filter(consultation=consultation)
    assert ballots.count() == len(accepted)
    assert all(ballot.cast_at <= consultation.closed_at for ballot in ballots)
