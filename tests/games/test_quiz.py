"""The SDG quiz: a bank of at least five questions per SDG in four languages, rounds picked from
a seed, marking with explanations, and a class round with a shared code."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinning.games import quiz
from twinning.games.models import QuizQuestion, QuizResult, QuizRoom


def test_the_bank_has_at_least_five_questions_per_sdg_each_complete_in_four_languages():
    rows = quiz.read_bank()
    assert len(rows) >= 85
    assert min(Counter(row["goal"] for row in rows).values()) >= 5
    assert set(Counter(row["goal"] for row in rows)) == set(range(1, 18))
    assert len({row["key"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row["q"]) == set(row["explain"]) == set(quiz.LANGUAGES), row["key"]
        assert all(text.strip() for text in [*row["q"].values(), *row["explain"].values()]), row["key"]
        assert len(row["choices"]) == 3 and 0 <= row["correct"] < 3, row["key"]
        for choice in row["choices"]:
            assert set(quiz.as_texts(choice)) == set(quiz.LANGUAGES), row["key"]


def test_the_right_answer_is_not_always_in_the_same_place():
    positions = Counter(row["correct"] for row in quiz.read_bank())
    assert min(positions.values()) >= 20


def test_a_round_is_the_same_for_the_same_seed_and_five_questions_long():
    keys = [f"k{i}" for i in range(30)]
    assert quiz.pick(keys, "ABC") == quiz.pick(list(reversed(keys)), "ABC")
    assert len(quiz.pick(keys, "ABC")) == 5
    assert quiz.pick(keys[:3], "x") and len(quiz.pick(keys[:3], "x")) == 3


@given(
    st.lists(st.integers(0, 2), min_size=5, max_size=5),
    st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=5, max_size=5),
)
def test_the_score_counts_exactly_the_right_answers(correct, given_):
    keys = [f"q{i}" for i in range(5)]
    marked = quiz.mark(dict(zip(keys, correct, strict=True)), dict(zip(keys, given_, strict=True)))
    assert quiz.score(marked) == sum(1 for c, g in zip(correct, given_, strict=True) if c == g)


@pytest.mark.django_db
def test_the_migration_loaded_the_bank():
    assert QuizQuestion.objects.count() == len(quiz.read_bank())
    question = QuizQuestion.objects.get(key="sdg06-fresh-water")
    assert question.goal.number == 6 and question.choices[0]["fr"] == "3%"


def _answers(page: str, right: bool) -> dict:
    """Fill the round shown on ``page``: every answer right or every answer wrong."""
    data = {"seed": re.search(r'name="seed" value="(\w+)"', page).group(1), "goal": "6"}
    for key in re.findall(r'name="q_([\w-]+)"', page):
        correct = QuizQuestion.objects.get(key=key).correct_choice
        data[f"q_{key}"] = str(correct if right else (correct + 1) % 3)
    return data


@pytest.mark.django_db
def test_a_player_answers_a_round_about_sdg_6_and_reads_the_explanations(client):
    page = client.get("/nl/quiz/?goal=6").content.decode()
    assert "Ongeveer hoeveel van al het water op aarde is zoet water?" in page
    response = client.post("/nl/quiz/", _answers(page, right=True))
    body = response.content.decode()
    assert "Je hebt 5 van 5 juist." in body
    assert "USGS" in body


@pytest.mark.django_db
def test_an_unanswered_question_gets_a_clear_message(client):
    page = client.get("/en/quiz/?goal=6").content.decode()
    data = _answers(page, right=True)
    data.pop(next(k for k in data if k.startswith("q_")))
    response = client.post("/en/quiz/", data)
    assert response.status_code == 400 and "Choose an answer." in response.content.decode()


@pytest.mark.django_db
def test_a_class_plays_with_a_shared_code_and_the_teacher_sees_the_scores(client, world):
    client.force_login(world["staff_a"])
    response = client.post("/en/quiz/rooms/new/", {"goal": "6"})
    room = QuizRoom.objects.get()
    assert response["Location"] == f"/en/quiz/rooms/{room.code}/"
    client.logout()
    assert client.get(f"/en/quiz/join/?code={room.code.lower()}")["Location"] == f"/en/quiz/class/{room.code}/"
    page = client.get(f"/en/quiz/class/{room.code}/").content.decode()
    client.post(f"/en/quiz/class/{room.code}/", {**_answers(page, right=False), "nickname": "Otter"})
    assert QuizResult.objects.get().score == 0
    client.force_login(world["staff_a"])
    assert "Otter" in client.get(f"/en/quiz/rooms/{room.code}/").content.decode()
    client.force_login(world["citizen"])
    assert client.get(f"/en/quiz/rooms/{room.code}/").status_code == 404  # another person's class


@pytest.mark.django_db
def test_an_unknown_class_code_gets_a_clear_message(client):
    response = client.get("/en/quiz/join/?code=NOPE", follow=True)
    assert "No class plays with this code." in response.content.decode()


@pytest.mark.django_db
def test_a_quiz_round_takes_the_same_number_of_queries_whatever_the_bank_size(client, django_assert_max_num_queries):
    # session-less GET: the keys of the goal, the chosen questions, the goals for the menu (cached)
    with django_assert_max_num_queries(4):
        client.get("/en/quiz/?goal=6")
    with django_assert_max_num_queries(4):
        client.get("/en/quiz/")
