"""Forms of the participation app. They check the shape of the input; the rules of a
consultation or vote are checked again by the action that writes."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from twinning.participation import codes
from twinning.participation.actions import MAX_CODES_PER_BATCH
from twinning.participation.models import BudgetProposal, Consultation, Parliament
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.selectors import all_goals


def goal_choices() -> list[tuple[int, str]]:
    return [(goal.number, f"{goal.number}. {goal.short}") for goal in all_goals()]


def _member_choices(partnership) -> list[tuple[int, str]]:
    return [(m.municipality_id, m.municipality.name) for m in partnership.memberships.select_related("municipality")]


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["title", "question", "method", "max_choices", "ask_worries", "allow_proposals"]
        widgets = {"question": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = _member_choices(partnership)
        for municipality_id, name in self.members:
            self.fields[f"communities_{municipality_id}"] = forms.CharField(
                label=_("Communities or districts of %(name)s") % {"name": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("One per line; leave empty to consult the municipality as a whole."),
            )

    def communities(self) -> dict[int, list[str]]:
        result = {}
        for municipality_id, _name in self.members:
            lines = [line.strip()[:120] for line in self.cleaned_data[f"communities_{municipality_id}"].splitlines()]
            if any(lines):
                result[municipality_id] = [line for line in lines if line]
        return result


class BallotForm(forms.Form):
    code = forms.CharField(
        label=_("Ballot code"),
        required=False,
        max_length=30,
        help_text=_("The code on your paper slip, e.g. K7QM-3XPA-T9WD. Not needed when you are signed in."),
    )
    municipality = forms.TypedChoiceField(label=_("I live in"), coerce=int, required=False)
    community = forms.TypedChoiceField(label=_("My community or district"), coerce=int, required=False)
    worries = forms.TypedMultipleChoiceField(
        label=_("Which goals worry you?"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    proposal = forms.CharField(
        label=_("A goal of your own (optional)"),
        required=False,
        max_length=300,
        help_text=_("What is missing from the 17 goals for your community?"),
    )

    def __init__(self, *args, consultation: Consultation, needs_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.needs_code = needs_code
        choices = goal_choices()
        n = consultation.max_choices
        if consultation.method == Consultation.Method.RANKED:
            for place in range(1, n + 1):
                self.fields[f"rank_{place}"] = forms.TypedChoiceField(
                    label=_("Priority number %(place)s") % {"place": place},
                    choices=[("", "—"), *choices],
                    coerce=int,
                    required=place == 1,
                    empty_value=None,
                )
        else:
            self.fields["priorities"] = forms.TypedMultipleChoiceField(
                label=_("Which goals should be prioritised? Choose up to %(count)s.") % {"count": n},
                choices=choices,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": _("Choose at least one goal to prioritise.")},
            )
        self.fields["worries"].choices = choices
        if not consultation.ask_worries:
            del self.fields["worries"]
        if not consultation.allow_proposals:
            del self.fields["proposal"]
        if needs_code:
            self.fields["code"].required = True
            self.fields["code"].help_text = _("The code on your paper slip, e.g. K7QM-3XPA-T9WD.")
            del self.fields["municipality"], self.fields["community"]
        else:
            del self.fields["code"]
            self.fields["municipality"].choices = _member_choices(consultation.partnership)
            self.fields["municipality"].required = True
            communities = list(consultation.communities.all())
            if communities:
                self.fields["community"].choices = [("", "—")] + [
                    (c.pk, f"{c.name} ({c.municipality.name})") for c in communities
                ]
                self.communities = {c.pk: c for c in communities}
            else:
                del self.fields["community"]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if code and not codes.looks_valid(code):
            raise forms.ValidationError(_("A ballot code has 12 letters and digits, e.g. K7QM-3XPA-T9WD."))
        return code

    def clean(self):
        data = super().clean()
        if self.consultation.method == Consultation.Method.RANKED:
            ranked = [data.get(f"rank_{p}") for p in range(1, self.consultation.max_choices + 1)]
            ranked = [goal for goal in ranked if goal]
            if len(set(ranked)) != len(ranked):
                raise forms.ValidationError(_("Rank each goal only once."))
            data["priorities"] = ranked
        elif len(data.get("priorities") or []) > self.consultation.max_choices:
            self.add_error(
                "priorities",
                _("Choose at most %(count)s goals to prioritise.") % {"count": self.consultation.max_choices},
            )
        return data


class CodesForm(forms.Form):
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)
    community = forms.TypedChoiceField(label=_("Community (optional)"), coerce=int, required=False, empty_value=None)
    count = forms.IntegerField(label=_("Number of codes"), min_value=1, max_value=MAX_CODES_PER_BATCH, initial=30)

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _member_choices(consultation.partnership)
        self.fields["community"].choices = [("", "—")] + [
            (c.pk, f"{c.name} ({c.municipality.name})") for c in consultation.communities.select_related("municipality")
        ]


class PaperForm(forms.Form):
    ballots = forms.IntegerField(label=_("Paper ballots counted"), min_value=0, max_value=1_000_000)
    proposals = forms.CharField(
        label=_("Goals of their own written on the ballots"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line."),
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal_rows = []
        for number, label in goal_choices():
            priority_label = _("Priority votes for %(goal)s") % {"goal": label}
            self.fields[f"priority_{number}"] = forms.IntegerField(
                label=priority_label,
                min_value=0,
                required=False,
                widget=forms.NumberInput(attrs={"aria-label": priority_label, "size": 5}),
            )
            row = {"label": label, "priority": f"priority_{number}"}
            if consultation.ask_worries:
                worry_label = _("Worries about %(goal)s") % {"goal": label}
                self.fields[f"worry_{number}"] = forms.IntegerField(
                    label=worry_label,
                    min_value=0,
                    required=False,
                    widget=forms.NumberInput(attrs={"aria-label": worry_label, "size": 5}),
                )
                row["worry"] = f"worry_{number}"
            self.goal_rows.append(row)

    def rows(self):
        return [
            {
                "label": row["label"],
                "priority": self[row["priority"]],
                "worry": self[row["worry"]] if "worry" in row else None,
            }
            for row in self.goal_rows
        ]

    def counts(self, prefix: str) -> dict[int, int]:
        return {
            number: self.cleaned_data.get(f"{prefix}_{number}") or 0
            for number in range(1, 18)
            if f"{prefix}_{number}" in self.fields
        }

    def proposal_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["proposals"].splitlines() if line.strip()]


class ModerateForm(forms.Form):
    group = forms.CharField(label=_("Group"), required=False, max_length=120)
    mapped_goal = forms.TypedChoiceField(label=_("Closest official SDG"), coerce=int, required=False, empty_value=None)
    hidden_reason = forms.CharField(
        label=_("Hide with this reason"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to show the proposal. The reason is visible to the coordinators only."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mapped_goal"].choices = [("", "—"), *goal_choices()]


class AdoptForm(forms.Form):
    goals = forms.TypedMultipleChoiceField(
        label=_("Goals to adopt as the partnership's priorities"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].choices = goal_choices()


class ParliamentForm(forms.ModelForm):
    class Meta:
        model = Parliament
        fields = [
            "title",
            "seats_per_municipality",
            "budget",
            "currency",
            "rule",
            "min_share",
            "min_projects",
            "max_projects",
        ]

    def clean(self):
        data = super().clean()
        if data.get("max_projects") is not None and data.get("min_projects") is not None:
            if data["max_projects"] < data["min_projects"]:
                self.add_error("max_projects", _("The maximum number of projects cannot be below the minimum."))
        return data


class SeatForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the member"))
    municipality = forms.TypedChoiceField(label=_("Seat for"), coerce=int)

    def __init__(self, *args, parliament: Parliament, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _member_choices(parliament.partnership)

    def clean_email(self):
        user = get_user_model().objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if user is None:
            raise forms.ValidationError(_("Nobody has an account with this e-mail address yet."))
        return user


class BudgetProposalForm(forms.ModelForm):
    goal = forms.TypedChoiceField(label=_("Main SDG"), coerce=int, required=False, empty_value=None)

    class Meta:
        model = BudgetProposal
        fields = ["title", "description", "cost", "goal"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", "—"), *goal_choices()]


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=200)


class BudgetVoteForm(forms.Form):
    projects = forms.TypedMultipleChoiceField(
        label=_("Projects you choose"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, proposals, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].choices = [(p.pk, f"{p.title} — {p.cost} {currency}") for p in proposals]


class DebateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    options = forms.CharField(
        label=_("Joint projects to vote on"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, at least two."),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = _member_choices(partnership)
        for municipality_id, name in self.members:
            self.fields[f"class_{municipality_id}"] = forms.CharField(
                label=_("Class in %(name)s") % {"name": name}, max_length=60
            )
            self.fields[f"goal_{municipality_id}"] = forms.TypedChoiceField(
                label=_("SDG assigned to the class in %(name)s") % {"name": name}, coerce=int, choices=goal_choices()
            )

    def option_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]

    def groups(self, municipalities: dict) -> list[tuple]:
        return [
            (municipalities[mid], self.cleaned_data[f"class_{mid}"], self.cleaned_data[f"goal_{mid}"])
            for mid, _name in self.members
        ]


class JoinForm(forms.Form):
    code = forms.CharField(label=_("Group code"), max_length=30, help_text=_("Your teacher gives you this code."))
    first_name = forms.CharField(
        label=_("Your first name"), max_length=40, help_text=_("Only your first name. No surname, please.")
    )


class ArgumentForm(forms.Form):
    side = forms.ChoiceField(label=_("Are you for or against?"), widget=forms.RadioSelect)
    text = forms.CharField(label=_("Your argument"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from twinning.participation.models import Argument

        self.fields["side"].choices = Argument.Side.choices


class DebateVoteForm(forms.Form):
    option = forms.TypedChoiceField(label=_("Which joint project do you choose?"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].choices = [(option.pk, option.title) for option in options]


class LocalisedGoalForm(forms.Form):
    title = forms.CharField(label=_("Our goal"), max_length=200)
    description = forms.CharField(
        label=_("What it means for us"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        from twinning.sdg.models import LocalTarget

        self.fields["sdgs"] = SdgLinkField(
            label=_("Official SDGs and targets it belongs to"),
            local_targets=LocalTarget.objects.filter(owner=partnership),
        )
