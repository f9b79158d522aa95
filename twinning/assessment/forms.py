"""Forms of the assessment pages. One form covers all 17 goals so a municipality rates in one go."""

from __future__ import annotations

import re

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from twinning.assessment import joincode
from twinning.assessment.actions import INVENTORY_FIELDS, ActionInput, InventoryInput, RatingInput
from twinning.assessment.interlinkages import LABELS
from twinning.assessment.matching import DEFAULT_STRONG, DEFAULT_WEAK
from twinning.assessment.models import Assessment, Level
from twinning.assessment.network import DEFAULT_LIMIT
from twinning.sdg.selectors import all_goals

GOALS = range(1, 18)
SCORE_ERRORS = {
    "min_value": _("A score must lie between 0 and 100."),
    "max_value": _("A score must lie between 0 and 100."),
    "invalid": _("A score is a whole number from 0 to 100."),
}


class AssessmentForm(forms.Form):
    scope = forms.ChoiceField(label=_("What is assessed"), choices=Assessment.Scope.choices)
    subject = forms.CharField(
        label=_("Name of the project or activity"),
        max_length=200,
        required=False,
        help_text=_("Leave empty when the programme as a whole is assessed."),
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("scope") == Assessment.Scope.PROJECT and not (data.get("subject") or "").strip():
            self.add_error("subject", _("Name the project or activity that is assessed."))
        return data


class AssessmentEditForm(AssessmentForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


def _codes(text: str) -> frozenset[str]:
    return frozenset(code for code in re.split(r"[\s,;]+", text.strip()) if code)


class RatingForm(forms.Form):
    """Per goal: the level (or not rated), a reason and, optionally, the targets concerned."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not rated yet")), *Level.choices]
        for goal in GOALS:
            self.fields[f"level_{goal}"] = forms.ChoiceField(label=_("Contribution"), choices=choices, required=False)
            self.fields[f"reason_{goal}"] = forms.CharField(
                label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"targets_{goal}"] = forms.CharField(
                label=_("Targets concerned"),
                required=False,
                max_length=200,
                help_text=_("Optional, for example %(example)s") % {"example": f"{goal}.1, {goal}.2"},
            )

    @staticmethod
    def initial_for(ratings) -> dict:
        initial = {}
        for rating in ratings:
            initial[f"level_{rating.goal}"] = rating.level
            initial[f"reason_{rating.goal}"] = rating.reason
            initial[f"targets_{rating.goal}"] = ", ".join(
                link.target.code for link in rating.sdg_links.all() if link.target_id
            )
        return initial

    def rows(self) -> list[dict]:
        goals = {goal.number: goal for goal in all_goals()}
        return [
            {
                "goal": goals.get(n),
                "number": n,
                "level": self[f"level_{n}"],
                "reason": self[f"reason_{n}"],
                "targets": self[f"targets_{n}"],
            }
            for n in GOALS
        ]

    def entries(self) -> dict[int, RatingInput | None]:
        data = self.cleaned_data
        return {
            goal: RatingInput(data[f"level_{goal}"], data[f"reason_{goal}"], _codes(data[f"targets_{goal}"]))
            if data[f"level_{goal}"]
            else None
            for goal in GOALS
        }


class IdeaForm(forms.Form):
    goal = forms.TypedChoiceField(label=_("SDG"), coerce=int)
    municipality = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    text = forms.CharField(label=_("Idea to include this SDG"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, gaps: list[int], municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        goals = {goal.number: goal for goal in all_goals()}
        self.fields["goal"].choices = [(n, str(goals.get(n, n))) for n in gaps]
        self.fields["municipality"].choices = [(m.pk, m.name) for m in municipalities]


class IndexForm(forms.Form):
    """One municipality's SDG index: a score 0..100 and a justification per goal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for goal in GOALS:
            self.fields[f"score_{goal}"] = forms.IntegerField(
                label=_("Score (0–100)"), required=False, min_value=0, max_value=100, error_messages=SCORE_ERRORS
            )
            self.fields[f"justification_{goal}"] = forms.CharField(
                label=_("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    @staticmethod
    def initial_for(scores: dict) -> dict:
        initial = {}
        for goal, row in scores.items():
            initial[f"score_{goal}"] = row.score
            initial[f"justification_{goal}"] = row.justification
        return initial

    def rows(self) -> list[dict]:
        goals = {goal.number: goal for goal in all_goals()}
        return [
            {"goal": goals.get(n), "score": self[f"score_{n}"], "justification": self[f"justification_{n}"]}
            for n in GOALS
        ]

    def entries(self) -> dict[int, tuple[int, str] | None]:
        data = self.cleaned_data
        return {
            goal: (data[f"score_{goal}"], data[f"justification_{goal}"]) if data[f"score_{goal}"] is not None else None
            for goal in GOALS
        }


class ThresholdForm(forms.Form):
    strong = forms.IntegerField(
        label=_("Strong from (score at least)"), min_value=0, max_value=100, initial=DEFAULT_STRONG, required=False
    )
    weak = forms.IntegerField(
        label=_("Weak up to (score at most)"), min_value=0, max_value=100, initial=DEFAULT_WEAK, required=False
    )

    def clean(self):
        data = super().clean()
        strong = data.get("strong")
        weak = data.get("weak")
        data["strong"] = DEFAULT_STRONG if strong is None else strong
        data["weak"] = DEFAULT_WEAK if weak is None else weak
        if not self.errors and data["weak"] >= data["strong"]:
            raise forms.ValidationError(_("The weak threshold must be lower than the strong threshold."))
        return data


SCALE_CHOICES = [("", "–")] + [(n, str(n)) for n in range(1, 6)]


class MaterialityForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for goal in GOALS:
            self.fields[f"impact_{goal}"] = forms.TypedChoiceField(
                label=_("Impact"), choices=SCALE_CHOICES, coerce=int, empty_value=None, required=False
            )
            self.fields[f"influence_{goal}"] = forms.TypedChoiceField(
                label=_("Influence"), choices=SCALE_CHOICES, coerce=int, empty_value=None, required=False
            )
            self.fields[f"prioritised_{goal}"] = forms.BooleanField(label=_("Prioritised"), required=False)

    def clean(self):
        data = super().clean()
        for goal in GOALS:
            impact, influence = data.get(f"impact_{goal}"), data.get(f"influence_{goal}")
            if (impact is None) != (influence is None):
                self.add_error(f"impact_{goal}", _("Give both impact and influence, or neither."))
            elif impact is None and data.get(f"prioritised_{goal}"):
                self.add_error(f"prioritised_{goal}", _("Score impact and influence before prioritising an SDG."))
        return data

    @staticmethod
    def initial_for(rows) -> dict:
        initial = {}
        for row in rows:
            initial[f"impact_{row.goal}"] = row.impact
            initial[f"influence_{row.goal}"] = row.influence
            initial[f"prioritised_{row.goal}"] = row.prioritised
        return initial

    def rows(self) -> list[dict]:
        goals = {goal.number: goal for goal in all_goals()}
        return [
            {
                "goal": goals.get(n),
                "impact": self[f"impact_{n}"],
                "influence": self[f"influence_{n}"],
                "prioritised": self[f"prioritised_{n}"],
            }
            for n in GOALS
        ]

    def entries(self) -> dict[int, tuple[int, int, bool] | None]:
        data = self.cleaned_data
        return {
            goal: (data[f"impact_{goal}"], data[f"influence_{goal}"], data[f"prioritised_{goal}"])
            if data[f"impact_{goal}"] is not None
            else None
            for goal in GOALS
        }


class FocusForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    goal = forms.TypedChoiceField(label=_("Focus SDG"), coerce=int, empty_value=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", _("No focus SDG (remove)"))] + [(g.number, str(g)) for g in all_goals()]


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=20,
        help_text=_("The six characters the facilitator shows, for example K7M2QX."),
    )

    def clean_code(self) -> str:
        code = joincode.normalise(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(_("A join code has six letters and digits. Check it and try again."))
        return code


class AdoptForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the workshop group"),
        max_length=80,
        help_text=_("It appears beside the municipalities in the round, for example “Workshop Lommel 12 March”."),
    )


class JoinForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=60)
    municipality = forms.TypedChoiceField(label=_("You rate for"), coerce=int)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [(m.pk, m.name) for m in municipalities]


class WorkshopRatingForm(forms.Form):
    """A participant's ratings: one short choice per goal, easy on a phone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not rated yet")), *Level.choices]
        goals = {goal.number: goal for goal in all_goals()}
        for goal in GOALS:
            self.fields[f"level_{goal}"] = forms.ChoiceField(
                label=str(goals.get(goal, goal)), choices=choices, required=False
            )

    def entries(self) -> dict[int, str | None]:
        return {goal: self.cleaned_data[f"level_{goal}"] or None for goal in GOALS}


def check_links(text: str) -> str:
    check = URLValidator(schemes=["http", "https"])
    for line in text.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except forms.ValidationError as exc:
                raise forms.ValidationError(
                    _("“%(line)s” is not a web address. Put one address per line, starting with https://."),
                    params={"line": line.strip()[:80]},
                ) from exc
    return text


class InventoryForm(forms.Form):
    doing = forms.CharField(label=_("What we already do"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    more = forms.CharField(label=_("What we could do more"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    gaps = forms.CharField(label=_("Gaps"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    opportunities = forms.CharField(label=_("Opportunities"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.CharField(
        label=_("Evidence links"),
        required=False,
        help_text=_("One web address per line."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean_evidence(self) -> str:
        return check_links(self.cleaned_data["evidence"])

    def as_input(self) -> InventoryInput:
        return InventoryInput(**{name: self.cleaned_data[name] for name in INVENTORY_FIELDS})


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    goal = forms.TypedChoiceField(label=_("SDG"), coerce=int, empty_value=None, required=False)
    owner_municipality = forms.TypedChoiceField(label=_("Owner municipality"), coerce=int)
    owner_name = forms.CharField(label=_("Owner (person or team)"), max_length=100, required=False)
    due_date = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the due date as YYYY-MM-DD.")},
    )
    done = forms.BooleanField(label=_("Done"), required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.pk: m for m in municipalities}
        self.fields["goal"].choices = [("", _("No particular SDG"))] + [(g.number, str(g)) for g in all_goals()]
        self.fields["owner_municipality"].choices = [(m.pk, m.name) for m in municipalities]

    def as_input(self) -> ActionInput:
        data = self.cleaned_data
        return ActionInput(
            title=data["title"],
            owner_municipality=self.municipalities[data["owner_municipality"]],
            due_date=data["due_date"],
            goal=data["goal"],
            owner_name=data["owner_name"],
            done=data["done"],
            notes=data["notes"],
        )

    @staticmethod
    def initial_for(item) -> dict:
        return {
            "title": item.title,
            "goal": item.goal,
            "owner_municipality": item.owner_municipality_id,
            "owner_name": item.owner_name,
            "due_date": item.due_date,
            "done": item.done,
            "notes": item.notes,
            "version": item.version,
        }


class NetworkForm(ThresholdForm):
    limit = forms.IntegerField(
        label=_("At most this many matches per municipality"),
        min_value=0,
        max_value=20,
        initial=DEFAULT_LIMIT,
        required=False,
        error_messages={
            "min_value": _("The limit is a whole number from 0 to 20."),
            "max_value": _("The limit is a whole number from 0 to 20."),
        },
    )

    def clean(self):
        data = super().clean()
        data["limit"] = DEFAULT_LIMIT if data.get("limit") is None else data["limit"]
        return data


INTERACTION_CHOICES = [("", _("Not scored"))] + [
    (value, f"{value:+d} {label}" if value else f"0 {label}") for value, label in sorted(LABELS.items(), reverse=True)
]


class InterlinkTargetsForm(forms.Form):
    """A few targets per prioritised SDG, as checkboxes grouped by goal."""

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for goal in goals:
            name = f"goal_{goal.number}"
            self.fields[name] = forms.MultipleChoiceField(
                label=str(goal),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(t.code, f"{t.code} {t.full}") for t in goal.targets.all()],
            )
            self.groups.append(name)

    def codes(self) -> set[str]:
        return {code for name in self.groups for code in self.cleaned_data[name]}


class InterlinkScoreForm(forms.Form):
    """One municipality's scores: for each picked target, its influence on each other picked target."""

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.pairs: list[tuple[str, str, str]] = []
        for a in targets:
            for b in targets:
                if a.pk == b.pk:
                    continue
                name = f"s_{a.code}_{b.code}".replace(".", "-")
                self.fields[name] = forms.TypedChoiceField(
                    label=_("on %(code)s") % {"code": b.code},
                    choices=INTERACTION_CHOICES,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
                self.pairs.append((name, a.code, b.code))
        self.targets = targets

    @staticmethod
    def field_name(a: str, b: str) -> str:
        return f"s_{a}_{b}".replace(".", "-")

    def groups(self) -> list[dict]:
        return [
            {"target": a, "fields": [self[name] for name, src, _dst in self.pairs if src == a.code]}
            for a in self.targets
        ]

    def entries(self) -> dict[tuple[str, str], int | None]:
        return {(a, b): self.cleaned_data[name] for name, a, b in self.pairs}
