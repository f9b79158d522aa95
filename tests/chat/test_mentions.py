"""Who a chat message mentions: full names and e-mail names after @, whole words, longest first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from twinning.chat.mentions import find_mentions, handles

PEOPLE = {1: ["jan vermeulen", "staff.lommel"], 2: ["jan"], 3: ["ndapewa shilongo", "coordinator.ongwediva"]}


def test_a_full_name_after_an_at_sign_mentions_that_person():
    assert find_mentions("Thanks @Jan Vermeulen!", PEOPLE) == {1}


def test_the_longest_matching_name_wins():
    assert find_mentions("@jan vermeulen and @jan", PEOPLE) == {1, 2}


def test_the_email_name_mentions_too():
    assert find_mentions("see @coordinator.ongwediva", PEOPLE) == {3}


def test_a_name_counts_only_as_a_whole_word():
    assert find_mentions("@janvermeulen @jana", PEOPLE) == set()


def test_case_and_extra_spaces_do_not_matter():
    assert find_mentions("@NDAPEWA   Shilongo, hi", PEOPLE) == {3}


def test_text_without_an_at_sign_mentions_nobody():
    assert find_mentions("Jan Vermeulen said hello", PEOPLE) == set()


def test_handles_are_the_full_name_and_the_email_name_without_duplicates():
    assert handles("  Jan   Vermeulen ", "staff.lommel@example.org") == ["jan vermeulen", "staff.lommel"]
    assert handles("", "jan@example.org") == ["jan"]
    assert handles("jan", "jan@example.org") == ["jan"]


names = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)


@given(st.dictionaries(st.integers(1, 50), st.lists(names, min_size=1, max_size=2), max_size=6), st.text(max_size=80))
def test_mentions_are_always_people_of_the_room(people, text):
    assert find_mentions(text, people) <= set(people)


@given(st.dictionaries(st.integers(1, 50), st.lists(names, min_size=1, max_size=2), min_size=1, max_size=6))
def test_writing_at_and_a_name_always_mentions_someone_with_that_name(people):
    pk, person_handles = next(iter(people.items()))
    found = find_mentions(f"hello @{person_handles[0]} !", people)
    holders = {
        other
        for other, other_handles in people.items()
        for handle in other_handles
        if handle.startswith(person_handles[0])
    }
    assert found and found <= holders and (pk in found or len(holders) > 1)
