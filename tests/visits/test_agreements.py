"""The agreement memo: both partners record agreements, no edit is silently lost, overdue
agreements stand out, and owners get reminders before and after the deadline."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from pypdf import PdfReader

from tests.visits.factories import VisitFactory
from twinning.sdg.links import selection_for
from twinning.visits.models import Agreement
from twinning.visits.reminders import reminder_due


@pytest.fixture
def visit(world):
    return VisitFactory(partnership=world["partnership"], host=world["b"])


def agreement_post(world, **changes):
    data = {
        "what": "Draft the joint water plan <script>alert(1)</script>",
        "owner_municipality": world["b"].pk,
        "owner_name": "Ndapewa",
        "owner_email": "ndapewa@example.org",
        "deadline": "2025-09-30",
        "status": "open",
        "follow_up": "",
        "sdgs_goals": ["6"],
    }
    data.update(changes)
    return data


def memo_url(visit, suffix=""):
    return f"/en/partnerships/a-b/visits/{visit.pk}/agreements/{suffix}"


@pytest.mark.django_db
def test_both_partners_add_agreements_and_both_survive(client, world, visit):
    client.force_login(world["coordinator_a"])
    assert client.post(memo_url(visit, "new/"), agreement_post(world, what="A's agreement")).status_code == 302
    client.force_login(world["coordinator_b"])
    assert client.post(memo_url(visit, "new/"), agreement_post(world, what="B's agreement")).status_code == 302
    assert set(Agreement.objects.values_list("what", flat=True)) == {"A's agreement", "B's agreement"}
    assert selection_for(Agreement.objects.first()).goals == {6}
    body = client.get(memo_url(visit)).content.decode()
    assert "A&#x27;s agreement" in body and "B&#x27;s agreement" in body


@pytest.mark.django_db
def test_a_deadline_before_the_visit_is_refused_with_a_clear_message(client, world, visit):
    client.force_login(world["coordinator_a"])
    response = client.post(memo_url(visit, "new/"), agreement_post(world, deadline="2025-05-01"))
    assert response.status_code == 200
    assert "The deadline cannot be before the visit started (2025-05-12)." in response.content.decode()
    assert not Agreement.objects.exists()


@pytest.mark.django_db
def test_editing_the_same_agreement_at_once_shows_both_versions_and_loses_nothing(client, world, visit):
    agreement = Agreement.objects.create(
        visit=visit, what="Original", owner_municipality=world["a"], owner_name="Jan", deadline=dt.date(2025, 9, 1)
    )
    client.force_login(world["coordinator_b"])
    edit = memo_url(visit, f"{agreement.pk}/edit/")
    response = client.post(edit, agreement_post(world, version=1, what="B's wording", follow_up="B's note"))
    assert response.status_code == 302
    client.force_login(world["coordinator_a"])
    response = client.post(edit, agreement_post(world, version=1, what="A's wording"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Saved meanwhile by your partner" in body
    assert "B&#x27;s wording" in body and "B&#x27;s note" in body  # their version
    assert "A&#x27;s wording" in body  # what A typed is kept in the form
    agreement.refresh_from_db()
    assert agreement.what == "B's wording" and agreement.version == 2
    response = client.post(edit, agreement_post(world, version=2, what="A's wording", follow_up="B's note"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.what == "A's wording" and agreement.version == 3


@pytest.mark.django_db
def test_the_overview_lists_open_agreements_across_visits_and_flags_the_overdue_one(client, world, visit):
    later = VisitFactory(
        partnership=world["partnership"], host=world["a"], start_date=dt.date(2099, 1, 1), end_date=dt.date(2099, 1, 2)
    )
    Agreement.objects.create(
        visit=visit, what="Overdue thing", owner_municipality=world["a"], owner_name="Jan", deadline=dt.date(2025, 6, 1)
    )
    Agreement.objects.create(
        visit=later, what="Future thing", owner_municipality=world["b"], owner_name="Nda", deadline=dt.date(2099, 6, 1)
    )
    Agreement.objects.create(
        visit=visit,
        what="Done thing",
        owner_municipality=world["a"],
        owner_name="Jan",
        deadline=dt.date(2025, 6, 1),
        status="done",
    )
    client.force_login(world["staff_a"])
    body = client.get("/en/partnerships/a-b/agreements/").content.decode()
    assert "Overdue thing" in body and "Future thing" in body and "Done thing" not in body
    assert body.count(">Overdue<") == 1


@pytest.mark.parametrize(
    ("today", "before", "after", "expected"),
    [
        (dt.date(2025, 9, 20), None, None, None),  # 10 days ahead: too early
        (dt.date(2025, 9, 23), None, None, "before"),  # 7 days ahead
        (dt.date(2025, 9, 25), dt.date(2025, 9, 23), None, None),  # already reminded
        (dt.date(2025, 9, 30), dt.date(2025, 9, 23), None, None),  # the deadline itself is not overdue
        (dt.date(2025, 10, 1), dt.date(2025, 9, 23), None, "after"),
        (dt.date(2025, 10, 9), dt.date(2025, 9, 23), dt.date(2025, 10, 1), None),
    ],
)
def test_reminders_fall_once_in_the_week_before_and_once_after_the_deadline(today, before, after, expected):
    assert reminder_due(dt.date(2025, 9, 30), today, reminded_before=before, reminded_after=after) == expected


@pytest.mark.django_db
def test_the_reminder_command_mails_owners_once_before_and_once_after_the_deadline(world, visit):
    Agreement.objects.create(
        visit=visit, what="Send the budget", owner_municipality=world["a"], owner_name="Jan",
        owner_email="jan@example.org", deadline=dt.date(2025, 9, 30),
    )  # fmt: skip
    Agreement.objects.create(
        visit=visit, what="No address", owner_municipality=world["a"], owner_name="X", deadline=dt.date(2025, 9, 30)
    )
    out = io.StringIO()
    call_command("send_agreement_reminders", today="2025-09-25", stdout=out)
    assert out.getvalue().strip() == "1 reminder(s) sent."
    assert [m.to for m in mail.outbox] == [["jan@example.org"]]
    assert "due on 2025-09-30" in mail.outbox[0].subject and "Send the budget" in mail.outbox[0].body
    call_command("send_agreement_reminders", today="2025-09-26")
    assert len(mail.outbox) == 1
    call_command("send_agreement_reminders", today="2025-10-02")
    assert len(mail.outbox) == 2 and mail.outbox[1].subject.startswith("Overdue")
    assert "/en/partnerships/a-b/visits/" in mail.outbox[1].body


@pytest.mark.django_db
def test_the_memo_pdf_parses_and_lists_the_agreements(client, world, visit):
    Agreement.objects.create(
        visit=visit, what="Share the sludge design", owner_municipality=world["a"], owner_name="Sofie",
        deadline=dt.date(2025, 7, 1),
    )  # fmt: skip
    client.force_login(world["coordinator_b"])
    response = client.get(memo_url(visit).rstrip("/") + ".pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Share the sludge design" in text and "Sofie" in text and "2025-07-01" in text
