"""The 17-panel exhibit: one A3 panel per SDG (plus a cover) from the partnership's own content.

``panels`` assembles plain rows from what the selectors read; ``exhibit_pdf`` renders them with
WeasyPrint. Photos are read from the media storage through a URL fetcher that knows only the
``media:`` scheme, so rendering never reaches the network.
"""

from __future__ import annotations

import mimetypes
from collections import defaultdict

from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

MEDIA_SCHEME = "media:"


def panels(goals, members, *, stories, heroes, photos, challenges, partnership_goals: set[int]) -> list[dict]:
    """One panel per goal: per member what it does (stories, heroes) and its photo; what the
    partnership does together (challenges, and whether the goal is one of its focus SDGs).

    ``stories`` are (municipality id, goal numbers, title); ``heroes`` and ``photos`` carry
    ``municipality_id`` and ``goal.number``; ``challenges`` are (goal numbers, title).
    """
    story_titles: dict[tuple[int, int], list[str]] = defaultdict(list)
    for municipality_id, numbers, title in stories:
        for number in numbers:
            story_titles[(municipality_id, number)].append(title)
    hero_names: dict[tuple[int, int], list[str]] = defaultdict(list)
    for hero in heroes:
        hero_names[(hero.municipality_id, hero.goal.number)].append(hero.name)
    photo_of = {(photo.municipality_id, photo.goal.number): photo for photo in photos}
    joint: dict[int, list[str]] = defaultdict(list)
    for numbers, title in challenges:
        for number in numbers:
            joint[number].append(title)
    return [
        {
            "goal": goal,
            "members": [
                {
                    "municipality": m,
                    "stories": story_titles[(m.pk, goal.number)],
                    "heroes": hero_names[(m.pk, goal.number)],
                    "photo": photo_of.get((m.pk, goal.number)),
                }
                for m in members
            ],
            "joint": joint[goal.number],
            "focus": goal.number in partnership_goals,
        }
        for goal in goals
    ]


class MediaOnlyFetcher(URLFetcher):
    """Gives WeasyPrint the stored photos named ``media:<path>`` and refuses every other address."""

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if not url.startswith(MEDIA_SCHEME):
            raise ValueError(f"the exhibit loads stored photos only, not {url[:60]}")
        name = url.removeprefix(MEDIA_SCHEME)
        with default_storage.open(name, "rb") as stored:
            data = stored.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, {"Content-Type": content_type})


def exhibit_pdf(context: dict) -> bytes:
    html = render_to_string("community/exhibit_pdf.html", context)
    return HTML(string=html, url_fetcher=MediaOnlyFetcher()).write_pdf()
