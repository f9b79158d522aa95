"""Forms of the game pages. Rules across fields live in ``actions``; the referee in ``referee``."""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from twinning.foundation.models import Municipality
from twinning.games.models import Game, Stop
from twinning.localized import LocalizedTextField, language_codes, localized
from twinning.sdg.models import Goal
from twinning.uploads import validate_image


class GameForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), label=_("Played in"))
    mode = forms.ChoiceField(choices=Game.Mode.choices, label=_("Kind"))
    title = LocalizedTextField(label=_("Title"), max_length=200)
    intro = LocalizedTextField(label=_("Introduction for the players"), textarea=True, required=False)
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple, label=_("Languages of the game")
    )
    time_limit_minutes = forms.IntegerField(
        label=_("Time limit in minutes"), min_value=5, max_value=1440, required=False
    )
    max_speed_kmh = forms.IntegerField(
        label=_("Fastest plausible speed (km/h)"),
        min_value=3,
        max_value=60,
        initial=15,
        help_text=_(
            "Answers from stops further apart than this speed allows are refused: about 15 on foot, 40 by bike."
        ),
    )
    is_published = forms.BooleanField(label=_("Published: teams can play it"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class LinesField(LocalizedTextField):
    """Choices of a question: one per line, in each language; the same line is the same choice."""

    def compress(self, data_list):
        texts = super().compress(data_list)
        lines = {code: [line.strip() for line in text.splitlines() if line.strip()] for code, text in texts.items()}
        count = max((len(v) for v in lines.values()), default=0)
        return [{code: v[i] for code, v in lines.items() if i < len(v)} for i in range(count)]

    def validate(self, value):
        """Empty is fine here: the action says when a multiple-choice question lacks choices."""


class StopForm(forms.Form):
    order = forms.IntegerField(label=_("Order"), min_value=1, max_value=999)
    title = LocalizedTextField(label=_("Place name"), max_length=200)
    latitude = forms.DecimalField(label=_("Latitude"), min_value=-90, max_value=90, decimal_places=6)
    longitude = forms.DecimalField(label=_("Longitude"), min_value=-180, max_value=180, decimal_places=6)
    radius_m = forms.IntegerField(label=_("Radius in metres"), min_value=5, max_value=2000, initial=30)
    kind = forms.ChoiceField(choices=Stop.Kind.choices, label=_("Question type"))
    question = LocalizedTextField(label=_("Question or assignment"), textarea=True)
    choices = LinesField(
        label=_("Choices (one per line)"), textarea=True, required=False, help_text=_("Only for multiple choice.")
    )
    correct_choice = forms.IntegerField(
        label=_("Number of the correct choice"), min_value=1, required=False, help_text=_("1 for the first line.")
    )
    number_answer = forms.DecimalField(label=_("Correct number"), required=False, max_digits=14, decimal_places=3)
    tolerance = forms.DecimalField(
        label=_("Allowed difference"), required=False, min_value=0, max_digits=14, decimal_places=3
    )
    points = forms.IntegerField(label=_("Points"), min_value=0, max_value=1000, initial=10)
    goal = forms.ModelChoiceField(queryset=Goal.objects.all(), label=_("SDG"), required=False)
    partner_fact = LocalizedTextField(
        label=_("Fact about the partner city"),
        textarea=True,
        required=False,
        help_text=_("Shown after the answer, e.g. how the partner city deals with the same question."),
    )

    def clean_correct_choice(self):
        value = self.cleaned_data.get("correct_choice")
        return None if value is None else value - 1

    @classmethod
    def initial_for(cls, stop: Stop) -> dict:
        initial = {name: getattr(stop, name) for name in cls.base_fields if name not in {"choices", "correct_choice"}}
        initial["choices"] = {code: "\n".join(c.get(code, "") for c in stop.choices) for code in language_codes()}
        initial["correct_choice"] = None if stop.correct_choice is None else stop.correct_choice + 1
        return initial


class TeamForm(forms.Form):
    name = forms.CharField(
        label=_("Team name"),
        max_length=40,
        help_text=_("Only a team name: no names of players, no e-mail addresses."),
    )


class AnswerForm(forms.Form):
    """The answer at one stop as a plain form (no JavaScript needed); the app fills the position."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    choice = forms.TypedChoiceField(
        label=_("Your answer"), coerce=int, required=False, empty_value=None, widget=forms.RadioSelect
    )
    number = forms.DecimalField(label=_("Your answer"), required=False, max_digits=14, decimal_places=3)
    text = forms.CharField(
        label=_("Your answer"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    photo = forms.ImageField(label=_("Your photo"), required=False, validators=[validate_image])
    latitude = forms.FloatField(label=_("Latitude of your position"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude of your position"), required=False, min_value=-180, max_value=180)
    qr = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)
    # The phone's time, set by games/play.js for a photo queued offline; empty means "now".
    answered_at = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, stop: Stop, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_id", uuid.uuid4())
        kwargs.setdefault("prefix", f"stop{stop.pk}")
        super().__init__(*args, **kwargs)
        self.stop = stop
        self.fields["choice"].choices = list(enumerate(stop.choice_texts))
        for name in {"choice", "number", "text", "photo"} - {stop.kind}:
            del self.fields[name]
        if stop.kind == Stop.Kind.NUMBER:
            self.fields["number"].widget.attrs["inputmode"] = "decimal"


class QuizForm(forms.Form):
    """One quiz round: a radio group per question; a nickname (no real name) in a class."""

    def __init__(self, *args, questions, with_nickname: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        if with_nickname:
            self.fields["nickname"] = forms.CharField(
                label=_("Nickname"), max_length=30, help_text=_("A nickname only, not your real name.")
            )
        for question in questions:
            self.fields[f"q_{question.key}"] = forms.TypedChoiceField(
                label=localized(question.question),
                choices=[(i, localized(c)) for i, c in enumerate(question.choices)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def given(self) -> dict[str, int | None]:
        return {q.key: self.cleaned_data.get(f"q_{q.key}") for q in self.questions}


class PlaceForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), label=_("Municipality"))
    title = LocalizedTextField(label=_("Name of the place"), max_length=200)
    description = LocalizedTextField(label=_("What happens here for the SDGs"), textarea=True, required=False)
    latitude = forms.DecimalField(label=_("Latitude"), min_value=-90, max_value=90, decimal_places=6)
    longitude = forms.DecimalField(label=_("Longitude"), min_value=-180, max_value=180, decimal_places=6)
    radius_m = forms.IntegerField(label=_("Radius in metres"), min_value=10, max_value=5000, initial=100)
    goal = forms.ModelChoiceField(queryset=Goal.objects.all(), label=_("SDG"), required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class CheckInForm(forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("A word about your visit"), max_length=200, required=False)
    photo = forms.ImageField(label=_("Your SDG picture"), required=False, validators=[validate_image])
    latitude = forms.FloatField(label=_("Latitude of your position"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude of your position"), required=False, min_value=-180, max_value=180)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
