from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from twinning.foundation.languages import language_choices
from twinning.foundation.models import IMAGE_EXTENSIONS, Municipality, Partnership, Role
from twinning.localized import LocalizedTextField
from twinning.sdg.forms import SdgLinkField
from twinning.sdg.models import Target
from twinning.uploads import validate_image


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a write function's ValidationError on the form: by field where the form has that field,
    above the form otherwise."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class VersionedForm(forms.Form):
    """Carries the version the user started from, for the conflict check."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MunicipalityForm(VersionedForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    region = forms.CharField(label=_("Region"), max_length=120, required=False)
    population = forms.IntegerField(label=_("Population"), min_value=0, max_value=100_000_000, required=False)
    population_year = forms.IntegerField(
        label=_("Year of the population figure"), min_value=1900, max_value=2100, required=False
    )
    latitude = forms.DecimalField(label=_("Latitude"), min_value=-90, max_value=90, max_digits=8, decimal_places=5)
    longitude = forms.DecimalField(label=_("Longitude"), min_value=-180, max_value=180, max_digits=8, decimal_places=5)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"), required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = LocalizedTextField(label=_("Description"), textarea=True, required=False, max_length=5000)
    photo = forms.ImageField(
        label=_("Logo or photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in IMAGE_EXTENSIONS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = language_choices()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            validate_image(photo)
        return photo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("population") and not cleaned.get("population_year"):
            self.add_error("population_year", _("Say which year the population figure is from."))
        return cleaned

    @staticmethod
    def initial_for(municipality: Municipality) -> dict:
        return {
            "version": municipality.version,
            **{
                name: getattr(municipality, name)
                for name in [
                    "name",
                    "region",
                    "population",
                    "population_year",
                    "latitude",
                    "longitude",
                    "languages",
                    "website",
                    "description",
                ]
            },  # fmt: skip
        }


class PartnershipForm(VersionedForm):
    title = LocalizedTextField(label=_("Title"), max_length=200)
    description = LocalizedTextField(label=_("Joint description"), textarea=True, required=False, max_length=8000)
    since = forms.IntegerField(label=_("Partners since (year)"), min_value=1900, max_value=2100, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Partnership.Status.choices)
    sdg_focus = SdgLinkField(label=_("SDGs the partnership works on"), required=False)

    def __init__(self, *args, local_targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg_focus"] = SdgLinkField(
            label=_("SDGs the partnership works on"), required=False, local_targets=local_targets
        )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]


class LocalTargetForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Official target"), queryset=Target.objects.select_related("goal"), to_field_name="code"
    )
    suffix = forms.RegexField(
        label=_("Local code"),
        regex=r"^[a-z0-9]{1,4}$",
        help_text=_("Letters or digits added to the official code: 'a' turns target 6.1 into 6.1.a."),
        error_messages={"invalid": _("Use one to four lower-case letters or digits.")},
    )
    title = LocalizedTextField(label=_("What the partnership aims for"), max_length=500)


class PartnershipFilterForm(forms.Form):
    country = LazyTypedChoiceField(label=_("Country"), required=False, choices=[])
    sdg = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, country_codes=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, countries.name(code) or code) for code in country_codes), key=lambda item: str(item[1])
        )
        self.fields["sdg"].choices = [("", _("All SDGs"))] + [(goal.number, str(goal)) for goal in goals]
