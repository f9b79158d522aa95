"""Forms of the indicator pages: library search, proposals, custom indicators, baselines and
targets, measurements. Numbers accept a decimal point or a decimal comma."""

from __future__ import annotations

import math

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.indicators.library import thresholds_problem
from twinning.indicators.models import FIRST_YEAR, LAST_YEAR, AgeGroup, Direction, Sex
from twinning.indicators.tableimport import FIELDS, MAX_BYTES, MAX_MB, too_large_message
from twinning.localized import LocalizedTextField
from twinning.sdg.forms import GoalFilterForm, SdgLinkField

YEAR_ERRORS = {
    "min_value": _("Enter a year from %(limit_value)s onwards."),
    "max_value": _("Enter a year up to %(limit_value)s."),
    "invalid": _("Enter a year as a whole number, such as 2024."),
}


class NumberField(forms.FloatField):
    """A finite number written as 12.5, 12,5, 1 234,5 or 1,234.5."""

    default_error_messages = {"invalid": _("Enter a number, such as 12.5 or 12,5.")}

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", "").replace(" ", "")
            if "," in value and "." in value:
                value = value.replace(",", "") if value.rfind(".") > value.rfind(",") else value.replace(".", "")
            value = value.replace(",", ".")
        number = super().to_python(value)
        if number is not None and not math.isfinite(number):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


def year_field(label, *, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=FIRST_YEAR, max_value=LAST_YEAR, required=required, error_messages=YEAR_ERRORS
    )


class LibrarySearchForm(GoalFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class ProposeForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None, empty_label=None)
    municipality = forms.TypedChoiceField(label=_("Proposed on behalf of"), coerce=int)
    reason = forms.CharField(
        label=_("Why this indicator?"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, indicators, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda obj: f"{obj.code} · {obj.title}"
        self.fields["municipality"].choices = [(m.pk, m.name) for m in municipalities]
        if len(municipalities) == 1:
            self.fields["municipality"].widget = forms.HiddenInput()
            self.fields["municipality"].initial = municipalities[0].pk


class CustomIndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20, help_text=_("Your own short code, such as P-01."))
    name = LocalizedTextField(label=_("Name"), max_length=300)
    definition = LocalizedTextField(label=_("Definition"), textarea=True, required=False, max_length=2000)
    unit = LocalizedTextField(label=_("Unit"), required=False, max_length=80)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    source = forms.CharField(label=_("Suggested data source"), max_length=300, required=False)
    optimum = NumberField(label=_("Optimum (score 100)"))
    lower_bound = NumberField(label=_("Lower bound (score 0)"))
    optimum_reason = LocalizedTextField(label=_("Why this optimum"), required=False, max_length=500)
    green_threshold = NumberField(label=_("Green threshold"))
    red_threshold = NumberField(label=_("Red threshold"))
    sdgs = SdgLinkField(label=_("SDGs and targets it measures"))

    def __init__(self, *args, local_targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"] = SdgLinkField(label=_("SDGs and targets it measures"), local_targets=local_targets)

    def clean(self):
        cleaned = super().clean()
        keys = ("direction", "optimum", "lower_bound", "green_threshold", "red_threshold")
        if all(cleaned.get(key) is not None for key in keys) and thresholds_problem(
            cleaned["direction"], cleaned["optimum"], cleaned["lower_bound"],
            cleaned["green_threshold"], cleaned["red_threshold"],
        ):  # fmt: skip
            if cleaned["direction"] == Direction.HIGHER:
                message = _(
                    "Higher is better: the lower bound must be below the red threshold, red below green, and green at most the optimum."
                )
            else:
                message = _(
                    "Lower is better: the optimum must be at most the green threshold, green below red, and red below the lower bound."
                )
            raise forms.ValidationError(message)
        return cleaned


class BaselineTargetForm(forms.Form):
    baseline_year = year_field(_("Baseline year"))
    baseline_value = NumberField(label=_("Baseline value"))
    target_year = year_field(_("Target year"), required=False)
    target_value = NumberField(label=_("Target value"), required=False)

    def clean(self):
        cleaned = super().clean()
        target_year, target_value = cleaned.get("target_year"), cleaned.get("target_value")
        if (target_year is None) != (target_value is None) and not self.errors:
            raise forms.ValidationError(_("Give both the target year and the target value, or neither."))
        if target_year is not None and cleaned.get("baseline_year") and target_year <= cleaned["baseline_year"]:
            self.add_error("target_year", _("The target year must come after the baseline year."))
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Plain text; both municipalities read it."),
    )


class MeasurementForm(forms.Form):
    year = year_field(_("Year"))
    value = NumberField(label=_("Value"))
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, required=False)
    age_group = forms.ChoiceField(label=_("Age group"), choices=AgeGroup.choices, required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


FIELD_LABELS = {
    "indicator": _("Indicator code"),
    "municipality": _("Municipality"),
    "year": _("Year (period)"),
    "value": _("Value"),
    "sex": _("Sex (breakdown)"),
    "age_group": _("Age group (breakdown)"),
    "source": _("Source"),
    "note": _("Note"),
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "Columns: indicator, year, value, and optionally sex, age_group, source, note; other headers can be "
            "mapped in the next step. CSV: separator ';' or ','; decimal comma or point; UTF-8 or Latin-1. "
            "XLSX: the sheet “measurements” or a workbook with one sheet. At most %(max)s MB."
        )
        % {"max": MAX_MB},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(too_large_message())
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class ColumnMappingForm(forms.Form):
    """Which of the file's columns holds which field; the indicator may instead be one for all rows."""

    def __init__(self, *args, header: list[str], codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [
            (str(index), f"{index + 1}: {name or '…'}") for index, name in enumerate(header)
        ]
        self.fields["fixed_indicator"] = forms.ChoiceField(
            label=_("Or one indicator for every row"),
            choices=[("", _("— read it from a column —"))] + [(code, code) for code in codes],
            required=False,
        )
        for name in FIELDS:
            self.fields[name] = forms.ChoiceField(label=FIELD_LABELS[name], choices=choices, required=False)
        self.order_fields([*FIELDS[:1], "fixed_indicator", *FIELDS[1:]])

    def clean(self):
        cleaned = super().clean()
        for name in ("year", "value"):
            if not cleaned.get(name):
                self.add_error(name, _("Choose the column that holds this field."))
        if not cleaned.get("indicator") and not cleaned.get("fixed_indicator"):
            self.add_error(
                "indicator", _("Choose the column with the indicator codes, or one indicator for every row.")
            )
        used = [cleaned[name] for name in FIELDS if cleaned.get(name)]
        if len(used) != len(set(used)):
            raise forms.ValidationError(_("Each column can hold one field only."))
        return cleaned

    @property
    def columns(self) -> dict[str, int]:
        return {name: int(self.cleaned_data[name]) for name in FIELDS if self.cleaned_data.get(name)}
