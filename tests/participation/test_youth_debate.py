"""The youth debate: classes from both municipalities join with a group code and a first name,
argue for and against their SDG, read each other's arguments and vote on the joint project."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.participation import builders
from twinning.participation import actions
from twinning.participation.models import Argument, DebateGroup, DebateVote, Phase

pytestmark = pytest.mark.django_db


def url(name: str, debate, **extra) -> str:
    return reverse(f"participation:{name}", kwargs={"slug": debate.partnership.slug, "pk": debate.pk, **extra})


def test_a_coordinator_creates_a_debate_and_sees_the_group_codes_once(as_persona, world):
    client = as_persona("coordinator_a")
    response = client.post(
        reverse("participation:debate_create", kwargs={"slug": "a-b"}),
        {
            "title": "Our joint project",
            "options": "School garden\nSolar lamps\n",
            f"class_{world['a'].pk}": "6A",
            f"goal_{world['a'].pk}": 13,
            f"class_{world['b'].pk}": "Grade 7",
            f"goal_{world['b'].pk}": 4,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<code>") == 2
    assert DebateGroup.objects.count() == 2
    code = body.split("<code>")[1].split("</code>")[0]
    assert not DebateGroup.objects.filter(code_hash=code).exists()


def test_a_pupil_joins_with_a_first_name_argues_and_votes_once(client, world):
    debate = builders.debate(world)
    response = client.post(
        url("debate_join", debate), {"code": debate.codes[world["a"].pk], "first_name": "ana "}, follow=True
    )
    assert "Welcome, Ana! You are in class 6A." in response.content.decode()
    client.post(url("debate_argue", debate), {"side": "for", "text": "Less heat <script>x</script> in summer"})
    argument = Argument.objects.get()
    assert (argument.first_name, argument.text, argument.group.class_name) == ("Ana", "Less heat in summer", "6A")
    option = debate.options.first()
    client.post(url("debate_vote", debate), {"option": option.pk})
    response = client.post(url("debate_vote", debate), {"option": option.pk}, follow=True)
    assert "Ana has already voted in this group." in response.content.decode()
    assert DebateVote.objects.count() == 1


def test_a_surname_or_an_e_mail_address_is_refused(client, world):
    debate = builders.debate(world)
    for name in ["Ana Maria de la Cruz", "ana@example.org"]:
        response = client.post(
            url("debate_join", debate), {"code": debate.codes[world["a"].pk], "first_name": name}, follow=True
        )
        assert "Write only your first name." in response.content.decode()


def test_a_wrong_group_code_is_refused_with_a_message(client, world):
    debate = builders.debate(world)
    response = client.post(url("debate_join", debate), {"code": "AAAA-BBBB-CCCC", "first_name": "Ana"}, follow=True)
    assert "This group code is not right." in response.content.decode()


def test_without_joining_a_pupil_cannot_post(client, world):
    debate = builders.debate(world)
    assert client.post(url("debate_argue", debate), {"side": "for", "text": "x"}).status_code == 403


def test_both_classes_read_each_other_and_the_vote_shows_once_closed(client, world):
    debate = builders.debate(world)
    group_b = debate.groups.get(municipality=world["b"])
    actions.argument_add(group_b, first_name="Ndapewa", side="against", text="Books are expensive")
    option = debate.options.last()
    actions.debate_vote_cast(group_b, first_name="Ndapewa", option_id=option.pk)
    body = client.get(url("debate", debate)).content.decode()
    assert "Books are expensive" in body and "6A" in body and "Grade 7" in body
    assert "1 vote" not in body
    actions.debate_set_phase(debate, actor=None, phase=Phase.CLOSED)
    assert "1 vote" in client.get(url("debate", debate)).content.decode()
    with pytest.raises(actions.ClosedError):
        actions.argument_add(group_b, first_name="Ndapewa", side="for", text="late")


def test_coordinators_hide_an_argument_with_a_reason(as_persona, world):
    debate = builders.debate(world)
    argument = actions.argument_add(debate.groups.first(), first_name="Tom", side="for", text="Rude words")
    client = as_persona("coordinator_b")
    client.post(url("debate_hide", debate, argument_pk=argument.pk), {"reason": "Not kind"})
    assert "Hidden: Not kind" in client.get(url("debate", debate)).content.decode()
    client.logout()
    assert "Rude words" not in client.get(url("debate", debate)).content.decode()


@pytest.mark.parametrize("arguments", [1, 12])
def test_the_debate_page_takes_a_fixed_number_of_queries(client, world, arguments, django_assert_max_num_queries):
    debate = builders.debate(world)
    for index in range(arguments):
        actions.argument_add(debate.groups.first(), first_name="Ana", side="for" if index % 2 else "against", text="x")
    client.get(url("debate", debate))
    with django_assert_max_num_queries(8):
        assert client.get(url("debate", debate)).status_code == 200
