"""SDG games of a partnership: GPS city games and hikes with stops, the teams that play them and
their answers; the multilingual SDG quiz; SDG check-in places.

No player's position is stored: the phone sends it with an answer, the referee checks it and
it is dropped. A team is a name and a secret token (the capability URL of its phone), so
players under 16 give no personal data.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality, Partnership
from twinning.games.scoring import Kind, Verdict
from twinning.localized import localized


def new_token() -> str:
    return secrets.token_urlsafe(18)


def new_code() -> str:
    return secrets.token_hex(4).upper()


class Game(models.Model):
    class Mode(models.TextChoices):
        CITY = "city", _("GPS city game")
        HIKE = "hike", _("SDG hike")
        RIDE = "ride", _("SDG bicycle ride")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="games")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="games", verbose_name=_("played in")
    )
    mode = models.CharField(_("kind"), max_length=8, choices=Mode.choices, default=Mode.CITY)
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    languages = models.JSONField(_("languages"), default=list)
    time_limit_minutes = models.PositiveIntegerField(
        _("time limit in minutes"), null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(1440)]
    )
    max_speed_kmh = models.PositiveSmallIntegerField(
        _("fastest plausible speed (km/h)"),
        default=15,
        validators=[MinValueValidator(3), MaxValueValidator(60)],
        help_text=_("Answers from stops further apart than this speed allows are refused."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    copied_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies")
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("game")
        verbose_name_plural = _("games")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.title) or str(self.pk)

    @property
    def about(self) -> str:
        return localized(self.intro)


class Stop(models.Model):
    class Kind(models.TextChoices):
        CHOICE = Kind.CHOICE, _("Multiple choice")
        NUMBER = Kind.NUMBER, _("Number")
        OPEN = Kind.OPEN, _("Open answer (the game master checks it)")
        PHOTO = Kind.PHOTO, _("Assignment: take a photo")

    game = models.ForeignKey(Game, on_delete=models.CASCADE, related_name="stops")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.JSONField(_("place name"), default=dict)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    radius_m = models.PositiveIntegerField(
        _("radius in metres"), default=30, validators=[MinValueValidator(5), MaxValueValidator(2000)]
    )
    kind = models.CharField(_("question type"), max_length=8, choices=Kind.choices, default=Kind.CHOICE)
    question = models.JSONField(_("question or assignment"), default=dict)
    choices = models.JSONField(_("choices"), default=list, blank=True)  # [{"en": ..., "nl": ...}, ...]
    correct_choice = models.PositiveSmallIntegerField(_("correct choice"), null=True, blank=True)  # 0-based
    number_answer = models.DecimalField(_("correct number"), max_digits=14, decimal_places=3, null=True, blank=True)
    tolerance = models.DecimalField(_("allowed difference"), max_digits=14, decimal_places=3, default=0)
    points = models.PositiveSmallIntegerField(_("points"), default=10, validators=[MaxValueValidator(1000)])
    goal = models.ForeignKey(
        "sdg.Goal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("SDG")
    )
    partner_fact = models.JSONField(_("fact about the partner city"), default=dict, blank=True)
    qr_token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"

    @property
    def name(self) -> str:
        return localized(self.title)

    @property
    def question_text(self) -> str:
        return localized(self.question)

    @property
    def fact(self) -> str:
        return localized(self.partner_fact)

    @property
    def choice_texts(self) -> list[str]:
        return [localized(choice) for choice in self.choices]


class Team(models.Model):
    game = models.ForeignKey(Game, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("team name"), max_length=40)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [models.UniqueConstraint(fields=["game", "name"], name="games_team_name_unique")]

    def __str__(self) -> str:
        return self.name


class Answer(models.Model):
    """One team's answer at one stop. ``client_id`` is made by the phone, so a queue synced twice
    stores each answer once."""

    class Via(models.TextChoices):
        GPS = "gps", _("position")
        QR = "qr", _("QR code")

    client_id = models.UUIDField(unique=True, default=uuid.uuid4)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="answers")
    stop = models.ForeignKey(Stop, on_delete=models.CASCADE, related_name="answers")
    via = models.CharField(max_length=3, choices=Via.choices, default=Via.GPS)
    choice = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    text = models.TextField(blank=True)
    photo = models.ImageField(upload_to="games/answers/", blank=True)
    verdict = models.CharField(
        max_length=8,
        choices=[(Verdict.CORRECT, _("correct")), (Verdict.WRONG, _("wrong")), (Verdict.PENDING, _("to check"))],
    )
    points = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField()  # the phone's time (offline answers arrive later)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answered_at", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["team", "stop"], name="games_answer_once_per_stop")]

    def __str__(self) -> str:
        return f"{self.team} @ {self.stop}"


class QuizQuestion(models.Model):
    """One question of the SDG quiz bank, loaded from twinning/games/data/quiz.json."""

    key = models.SlugField(unique=True, max_length=40)
    goal = models.ForeignKey("sdg.Goal", on_delete=models.CASCADE, related_name="+")
    question = models.JSONField(default=dict)
    choices = models.JSONField(default=list)
    correct_choice = models.PositiveSmallIntegerField()
    explanation = models.JSONField(default=dict)

    class Meta:
        ordering = ["goal__number", "key"]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self) -> str:
        return self.key

    @property
    def text(self) -> str:
        return localized(self.question)

    @property
    def explanation_text(self) -> str:
        return localized(self.explanation)

    @property
    def correct_text(self) -> str:
        return localized(self.choices[self.correct_choice])


class QuizRoom(models.Model):
    """A class playing the quiz together: pupils join with the code; the teacher sees the scores."""

    code = models.CharField(max_length=8, unique=True, default=new_code)
    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    goals = models.JSONField(default=list)  # SDG numbers; empty: all
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.code


class QuizResult(models.Model):
    room = models.ForeignKey(QuizRoom, on_delete=models.CASCADE, related_name="results")
    nickname = models.CharField(_("nickname"), max_length=30)
    score = models.PositiveSmallIntegerField()
    out_of = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "created_at"]


class CheckInPlace(models.Model):
    """An SDG place of the partnership (a project, a hero's place, planted trees) visitors check in at."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="checkin_places")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    title = models.JSONField(_("name"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    radius_m = models.PositiveIntegerField(_("radius in metres"), default=100)
    goal = models.ForeignKey("sdg.Goal", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("check-in place")
        verbose_name_plural = _("check-in places")

    def __str__(self) -> str:
        return localized(self.title)

    @property
    def about(self) -> str:
        return localized(self.description)


class CheckIn(models.Model):
    """A person's check-in at a place, with an optional photo; the position is checked, not stored."""

    client_id = models.UUIDField(unique=True, default=uuid.uuid4)
    place = models.ForeignKey(CheckInPlace, on_delete=models.CASCADE, related_name="checkins")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    photo = models.ImageField(upload_to="games/checkins/", blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    checked_in_at = models.DateTimeField()

    class Meta:
        ordering = ["-checked_in_at"]
