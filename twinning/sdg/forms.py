"""The SDG picker (goals, then their targets and local targets) and the goal filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.sdg.links import SdgSelection
from twinning.sdg.models import LocalTarget
from twinning.sdg.selectors import all_goals, targets_by_goal


class SdgPickerWidget(forms.Widget):
    """Goal checkboxes, each with its targets in a disclosure: works without JavaScript."""

    template_name = "sdg/widgets/picker.html"

    def __init__(self, local_targets=None, attrs=None):
        super().__init__(attrs)
        self.local_targets = local_targets

    def value_from_datadict(self, data, files, name):
        return {
            "goals": data.getlist(f"{name}_goals") if hasattr(data, "getlist") else data.get(f"{name}_goals", []),
            "targets": data.getlist(f"{name}_targets") if hasattr(data, "getlist") else data.get(f"{name}_targets", []),
            "local": data.getlist(f"{name}_local") if hasattr(data, "getlist") else data.get(f"{name}_local", []),
        }

    def value_omitted_from_data(self, data, files, name):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        selection = value if isinstance(value, SdgSelection) else SdgSelection()
        if isinstance(value, dict):
            selection = SdgSelection(
                frozenset(int(v) for v in value.get("goals", []) if str(v).isdigit()),
                frozenset(value.get("targets", [])),
                frozenset(int(v) for v in value.get("local", []) if str(v).isdigit()),
            )
        grouped = targets_by_goal()
        locals_by_target: dict[str, list[LocalTarget]] = {}
        for local in self.local_targets or []:
            locals_by_target.setdefault(local.target.code, []).append(local)
        context["goals"] = [
            {
                "goal": goal,
                "checked": goal.number in selection.goals
                or any(code.split(".")[0] == str(goal.number) for code in selection.targets),
                "open": any(code.split(".")[0] == str(goal.number) for code in selection.targets),
                "targets": [
                    {
                        "target": target,
                        "checked": target.code in selection.targets,
                        "locals": [
                            {"local": local, "checked": local.pk in selection.local_targets}
                            for local in locals_by_target.get(target.code, [])
                        ],
                    }
                    for target in grouped.get(goal.number, [])
                ],
            }
            for goal in all_goals()
        ]
        return context


class SdgLinkField(forms.Field):
    """Cleans to an ``SdgSelection``; pass ``local_targets`` (a queryset) to offer the partnership's own."""

    widget = SdgPickerWidget
    default_error_messages = {
        "invalid": _("Choose goals and targets from the list."),
        "required": _("Choose at least one SDG."),
    }

    def __init__(self, *, local_targets=None, **kwargs):
        super().__init__(**kwargs)
        self.local_targets = local_targets
        self.widget.local_targets = local_targets

    def to_python(self, value):
        if isinstance(value, SdgSelection):
            return value
        value = value or {}
        try:
            goals = frozenset(int(v) for v in value.get("goals", []))
            local_ids = frozenset(int(v) for v in value.get("local", []))
        except (TypeError, ValueError) as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        targets = frozenset(str(v) for v in value.get("targets", []))
        valid_goals = {goal.number for goal in all_goals()}
        valid_targets = {t.code for group in targets_by_goal().values() for t in group} if targets else set()
        valid_locals = set(self.local_targets.values_list("pk", flat=True)) if self.local_targets is not None else set()
        if goals - valid_goals or targets - valid_targets or local_ids - valid_locals:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return SdgSelection(goals, targets, local_ids)

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class GoalFilterForm(forms.Form):
    """A select of the 17 goals, reused by every list that filters by SDG."""

    sdg = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg"].choices = [("", _("All SDGs"))] + [(g.number, str(g)) for g in all_goals()]
