"""Demo stories, SDG heroes, the 17-photo project, challenges and a joint feed (all marked is_demo).

The stories retell practices from the publication (Bierbeek's water hike, the joint
Harelbeke–Eenhana page, the Tambacounda digital-storytelling workshop, the Lommel–Ongwediva youth
exchange with tree planting); the heroes are invented people and groups. No video links are
invented: the stories that mention clips leave the video field empty. The photos are plain
coloured PNGs drawn with Pillow in the SDG's colour, captioned as demo images; the
demo citizen of Lommel has one approved and one waiting picture.
The 17-photo project is complete (17 generated images per municipality) for Lommel–Ongwediva and
Harelbeke–Eenhana. Lommel–Ongwediva has one running challenge (per 1,000 inhabitants) and one
finished one, with invented contributions, and a joint feed with comments and reactions by the
demo people; Harelbeke–Eenhana has a few posts too.
Idempotent; ``scale`` > 1 adds more stories, heroes and posts to Lommel–Ongwediva for query-count tests.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image

from twinning.community.models import (
    Challenge,
    CitizenPhoto,
    Comment,
    Contribution,
    Hero,
    Post,
    Reaction,
    SdgPhoto,
    Story,
)
from twinning.foundation.models import Municipality, Partnership
from twinning.sdg.links import SdgSelection, set_links
from twinning.sdg.models import Goal

# partnership, municipality, kind, title, text, goals, targets, (lat, lon) or None
STORIES = [
    (
        "lommel-ongwediva",
        "lommel",
        Story.Kind.PRACTICE,
        "Youth exchange: 15 trees per participant",
        "Young people from Lommel and Ongwediva met for a two-week **youth exchange** on climate action.\n\n"
        "To compensate the flights, the partnership plants 15 trees per participant: 10 in Lommel and 5 in "
        "Ongwediva. The participants planted the first ones themselves and now follow how they grow.\n\n"
        "- planting days in both towns\n- a joint climate workshop\n- a photo diary shared by both youth councils",
        (13, 15),
        ("13.3", "15.2"),
        (Decimal("51.23060"), Decimal("5.31310")),
    ),
    (
        "lommel-ongwediva",
        "ongwediva",
        Story.Kind.CAMPAIGN,
        "Tree planting with schools in Ongwediva",
        "Pupils of three schools in Ongwediva planted indigenous trees on their school grounds as part of the "
        "partnership's tree programme. Each class looks after its own trees and shares pictures with its "
        "partner class in Lommel.",
        (13, 15),
        ("15.2",),
        (Decimal("-17.78330"), Decimal("15.76670")),
    ),
    (
        "harelbeke-eenhana",
        "harelbeke",
        Story.Kind.CAMPAIGN,
        "One joint page for Harelbeke and Eenhana",
        "Harelbeke and Eenhana run a **joint page** together. Both municipalities use it to highlight their SDG "
        "experiences, awareness campaigns and policy plans.\n\n"
        "Not only the international officers post: colleagues from the environment, youth and communication "
        "departments of both towns share news too, such as local climate actions.",
        (11, 17),
        ("17.17",),
        None,
    ),
    (
        "sint-niklaas-tambacounda",
        "tambacounda",
        Story.Kind.DIGITAL_STORY,
        "Digital storytelling: young people of Tambacounda on poverty, migration and child marriage",
        "In a five-day workshop in Tambacounda, 16 participants, among them 10 young people from local youth "
        "organisations, each made a clip of at most three minutes linking their own life to the SDGs.\n\n"
        "They chose what they care about, wrote and recorded their text, added their own pictures and edited "
        "everything into a clip. The clips are honest testimonies about **poverty**, **irregular migration** and "
        "**child marriage**, and are discussed with pupils in Sint-Niklaas and Tambacounda.",
        (1, 5, 10),
        ("5.3", "10.7"),
        (Decimal("13.77000"), Decimal("-13.66720")),
    ),
    (
        "bierbeek-ona",
        "bierbeek",
        Story.Kind.PRACTICE,
        "A 7.5 km water hike for twenty years of partnership",
        "To celebrate twenty years of partnership with San Felipe de Oña, Bierbeek organised a **water hike**, "
        "inspired by a similar hike in Oña.\n\n"
        "On the 7.5 kilometre route and in a brochure, hikers learn about drinking water, sanitation and "
        "irrigation in Bierbeek and in Oña, and why water matters locally and globally.",
        (6,),
        ("6.1", "6.2"),
        (Decimal("50.82830"), Decimal("4.75970")),
    ),
]

# municipality, goal, title, kind, name, why  (invented people and groups)
HEROES = [
    ("lommel", 4, Hero.Title.HERO, Hero.Kind.SCHOOL, "Sint-Jozef primary school (demo)", "Teaches the SDGs in every class."),
    ("ongwediva", 4, Hero.Title.HERO, Hero.Kind.SCHOOL, "Ongwediva combined school (demo)", "Runs a reading club with its partner class in Lommel."),
    ("lommel", 6, Hero.Title.AMBASSADOR, Hero.Kind.PERSON, "Marleen Jacobs (demo)", "Explains the local water treatment to visitors."),
    ("ongwediva", 6, Hero.Title.AMBASSADOR, Hero.Kind.PERSON, "Tuyeni Amutenya (demo)", "Organises clean-ups of the water points."),
    ("lommel", 13, Hero.Title.HERO, Hero.Kind.ASSOCIATION, "Youth council Lommel (demo)", "Planted trees during the youth exchange."),
    ("ongwediva", 13, Hero.Title.HERO, Hero.Kind.ASSOCIATION, "Ongwediva youth forum (demo)", "Looks after the trees planted by the exchange."),
    ("lommel", 5, Hero.Title.AMBASSADOR, Hero.Kind.COMPANY, "Glasworks cooperative (demo)", "Equal pay and a mentoring programme for women engineers."),
]  # fmt: skip

# municipality, goal, caption
PHOTOS = [
    ("lommel", 13, "Demo image: young people planting trees in Lommel"),
    ("ongwediva", 13, "Demo image: school tree nursery in Ongwediva"),
    ("lommel", 6, "Demo image: the water treatment plant of Lommel"),
    ("ongwediva", 6, "Demo image: a community water point in Ongwediva"),
]


def _png(colour: str) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def _demo_image(field_file, name: str, colour: str) -> None:
    """Reuse a demo image already in storage (reloading the demo adds no files), else draw it."""
    path = f"{field_file.field.upload_to}{name}"
    if field_file.storage.exists(path):
        field_file.name = path
    else:
        field_file.save(name, _png(colour), save=False)


@transaction.atomic
def seed(scale: int = 1) -> None:
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in={row[0] for row in STORIES})}
    municipalities = {m.slug: m for m in Municipality.objects.filter(slug__in=_used_slugs())}
    for slug, municipality, kind, title, text, goals, targets, place in STORIES:
        if slug not in partnerships or municipality not in municipalities:
            continue
        story, _created = Story.objects.update_or_create(
            partnership=partnerships[slug],
            title=title,
            defaults={
                "municipality": municipalities[municipality],
                "kind": kind,
                "text": text,
                "latitude": place[0] if place else None,
                "longitude": place[1] if place else None,
                "is_demo": True,
            },
        )
        set_links(story, SdgSelection(goals=frozenset(goals), targets=frozenset(targets)))
    goals = {goal.number: goal for goal in Goal.objects.all()}
    if not goals:
        return
    for municipality, goal, title, kind, name, why in HEROES:
        if municipality in municipalities:
            Hero.objects.update_or_create(
                municipality=municipalities[municipality],
                name=name,
                defaults={
                    "goal": goals[goal],
                    "title": title,
                    "kind": kind,
                    "why": why,
                    "consent": True,
                    "is_demo": True,
                },
            )
    for municipality, goal, caption in _all_photos():
        if municipality not in municipalities:
            continue
        photo = SdgPhoto.objects.filter(municipality=municipalities[municipality], goal=goals[goal]).first()
        if photo is None:
            photo = SdgPhoto(municipality=municipalities[municipality], goal=goals[goal], is_demo=True)
            _demo_image(photo.image, f"demo-{municipality}-sdg{goal}.png", goals[goal].colour)
        photo.caption = caption
        photo.is_demo = True
        photo.save()
    for caption, goal, status in CITIZEN_PHOTOS:
        _citizen_photo(municipalities.get("lommel"), goals[goal], caption, status)
    _challenges(partnerships.get("lommel-ongwediva"), municipalities)
    _feed(partnerships, municipalities)
    _extra(scale, partnerships.get("lommel-ongwediva"), municipalities, goals)


# caption, goal, status: sent in by the demo citizen of Lommel
CITIZEN_PHOTOS = [
    ("Demo image: my street's shared vegetable garden", 11, CitizenPhoto.Status.APPROVED),
    ("Demo image: bikes at the school gate", 11, CitizenPhoto.Status.PENDING),
]


def _citizen_photo(municipality, goal, caption: str, status: str) -> None:
    if municipality is None or CitizenPhoto.objects.filter(municipality=municipality, caption=caption).exists():
        return
    from twinning.accounts.models import User

    photo = CitizenPhoto(
        municipality=municipality,
        goal=goal,
        caption=caption,
        status=status,
        submitted_by=User.objects.filter(email="citizen.lommel@example.org").first(),
        is_demo=True,
    )
    _demo_image(photo.image, f"demo-citizen-sdg{goal.number}.png", goal.colour)
    photo.save()


def _used_slugs() -> set[str]:
    return {row[1] for row in STORIES} | {row[0] for row in HEROES} | set(PHOTO_PROJECT)


# the 17-photo project is complete for these municipalities (generated images in the SDG's colour)
PHOTO_PROJECT = {"lommel": "Lommel", "ongwediva": "Ongwediva", "harelbeke": "Harelbeke", "eenhana": "Eenhana"}


def _all_photos() -> list[tuple[str, int, str]]:
    named = {(municipality, goal): caption for municipality, goal, caption in PHOTOS}
    return [
        (slug, goal, named.get((slug, goal), f"Demo image: SDG {goal} in {name}"))
        for slug, name in PHOTO_PROJECT.items()
        for goal in range(1, 18)
    ]


def _people() -> dict:
    from twinning.accounts.models import User

    return {user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@example.org")}


# title, measure, unit, scoring, start (days from today), end, goals, contributions (municipality, amount, days ago)
CHALLENGES = [
    (
        "Cycle to school and work (demo)",
        "Kilometres cycled instead of driven",
        "km",
        Challenge.Scoring.PER_CAPITA,
        -10,
        20,
        (3, 11, 13),
        [("lommel", "1250", 8), ("ongwediva", "980", 7), ("lommel", "430", 2), ("ongwediva", "810", 1)],
    ),
    (
        "Trees planted in the rainy season (demo)",
        "Trees planted",
        "trees",
        Challenge.Scoring.ABSOLUTE,
        -200,
        -110,
        (13, 15),
        [("lommel", "310", 180), ("ongwediva", "420", 170), ("ongwediva", "150", 120)],
    ),
]


def _challenges(partnership, municipalities: dict) -> None:
    if partnership is None or not {"lommel", "ongwediva"} <= set(municipalities):
        return
    today = timezone.localdate()
    for title, measure, unit, scoring, start, end, goals, contributions in CHALLENGES:
        challenge, created = Challenge.objects.update_or_create(
            partnership=partnership,
            title=title,
            defaults={
                "description": "Invented figures for the demonstration.",
                "measure": measure,
                "unit": unit,
                "scoring": scoring,
                "starts_on": today + dt.timedelta(days=start),
                "ends_on": today + dt.timedelta(days=end),
                "populations": {
                    str(municipalities[slug].pk): municipalities[slug].population for slug in ("lommel", "ongwediva")
                },
                "is_demo": True,
            },
        )
        set_links(challenge, SdgSelection(goals=frozenset(goals)))
        if created or not challenge.contributions.exists():
            Contribution.objects.bulk_create(
                Contribution(
                    challenge=challenge,
                    municipality=municipalities[slug],
                    amount=Decimal(amount),
                    contributed_on=today - dt.timedelta(days=days_ago),
                    is_demo=True,
                )
                for slug, amount, days_ago in contributions
            )


# partnership, municipality, author (e-mail name), visibility, text, comments [(author, text)], reactions [(person, kind)]
POSTS = [
    (
        "lommel-ongwediva", "lommel", "staff.lommel", Post.Visibility.PUBLIC,
        "The **cycle challenge** has started: every kilometre to school or work counts. Log yours on the challenge page!",
        [("coordinator.ongwediva", "Ongwediva's schools joined today. The pupils want to beat Lommel per inhabitant!"),
         ("citizen.lommel", "Our street cycles together on Wednesdays.")],
        [("coordinator.ongwediva", "like"), ("citizen.lommel", "inspiring")],
    ),
    (
        "lommel-ongwediva", "ongwediva", "coordinator.ongwediva", Post.Visibility.PUBLIC,
        "The school tree nursery in Ongwediva has 400 seedlings ready for the rainy season.",
        [("coordinator.lommel", "Wonderful. Shall we plan a joint planting day during the next visit?")],
        [("coordinator.lommel", "thanks"), ("staff.lommel", "like")],
    ),
    (
        "lommel-ongwediva", "lommel", "coordinator.lommel", Post.Visibility.MEMBERS,
        "Draft programme for the youth exchange is in the shared folder; comments before Friday please.",
        [("coordinator.ongwediva", "Read it, two small remarks sent by e-mail.")],
        [],
    ),
    (
        "harelbeke-eenhana", "harelbeke", "coordinator.harelbeke", Post.Visibility.PUBLIC,
        "Our joint page now also shares news from the environment and youth departments of both towns.",
        [],
        [],
    ),
]  # fmt: skip


def _feed(partnerships: dict, municipalities: dict) -> None:
    people = _people()
    now = timezone.now()
    for index, (slug, municipality, author, visibility, text, comments, reactions) in enumerate(POSTS):
        if slug not in partnerships or municipality not in municipalities:
            continue
        post, created = Post.objects.get_or_create(
            partnership=partnerships[slug],
            text=text,
            defaults={
                "municipality": municipalities[municipality],
                "author": people.get(author),
                "visibility": visibility,
                "created_at": now - dt.timedelta(hours=6 * (len(POSTS) - index)),
                "is_demo": True,
            },
        )
        if not created:
            continue
        for number, (person, comment) in enumerate(comments):
            Comment.objects.create(
                partnership=post.partnership,
                post=post,
                author=people.get(person),
                text=comment,
                created_at=post.created_at + dt.timedelta(minutes=30 * (number + 1)),
                is_demo=True,
            )
        Reaction.objects.bulk_create(
            [Reaction(post=post, user=people[person], kind=kind) for person, kind in reactions if person in people]
        )
    story = Story.objects.filter(partnership__slug="lommel-ongwediva", is_demo=True).order_by("pk").first()
    if story and "coordinator.ongwediva" in people and not story.comments.exists():
        Comment.objects.create(
            partnership=story.partnership,
            story=story,
            author=people["coordinator.ongwediva"],
            text="The trees planted during the exchange are growing well in Ongwediva.",
            is_demo=True,
        )


def _extra(scale: int, partnership, municipalities: dict, goals: dict) -> None:
    if scale <= 1 or partnership is None or "lommel" not in municipalities:
        return
    for index in range(scale * 3):
        story, _created = Story.objects.update_or_create(
            partnership=partnership,
            title=f"Demo load story {index + 1}",
            defaults={
                "municipality": municipalities["lommel" if index % 2 else "ongwediva"],
                "kind": Story.Kind.PRACTICE,
                "text": "Generated for load and query-count tests (demo data).",
                "is_demo": True,
            },
        )
        set_links(story, SdgSelection(goals=frozenset({1 + index % 17})))
        Hero.objects.update_or_create(
            municipality=municipalities["lommel" if index % 2 else "ongwediva"],
            name=f"Demo load hero {index + 1}",
            defaults={"goal": goals[1 + index % 17], "consent": True, "is_demo": True},
        )
        _citizen_photo(municipalities["lommel"], goals[1 + index % 17], f"Demo load picture {index + 1}", "approved")
        _citizen_photo(municipalities["lommel"], goals[1 + index % 17], f"Demo load waiting {index + 1}", "pending")
        post, created = Post.objects.get_or_create(
            partnership=partnership,
            text=f"Demo load post {index + 1}",
            defaults={"municipality": municipalities["lommel"], "is_demo": True},
        )
        if created:
            Comment.objects.create(partnership=partnership, post=post, text="Demo load comment", is_demo=True)
