"""Platform administrators' view of work visits; partners work through the visit pages."""

from __future__ import annotations

from django.contrib import admin

from twinning.foundation.admin import PolicyAdmin
from twinning.visits.models import Agreement, CompensationPlan, Delegate, ProgrammeItem, TreePlanting, Visit


class DelegateInline(admin.TabularInline):
    model = Delegate
    extra = 0
    fields = ["name", "role", "organisation", "gender", "travelling_from", "cabin_class"]


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ["day", "start_time", "end_time", "place", "who", "what", "good_practice"]


@admin.register(Visit)
class VisitAdmin(PolicyAdmin):
    list_display = ["partnership", "host", "start_date", "end_date", "is_demo"]
    list_filter = ["is_demo"]
    list_select_related = ["partnership", "host"]
    date_hierarchy = "start_date"
    readonly_fields = ["version"]
    inlines = [DelegateInline, ProgrammeItemInline]


@admin.register(Agreement)
class AgreementAdmin(PolicyAdmin):
    list_display = ["what", "owner_name", "owner_municipality", "deadline", "status"]
    list_filter = ["status"]
    list_select_related = ["owner_municipality"]
    readonly_fields = ["version"]


@admin.register(TreePlanting)
class TreePlantingAdmin(PolicyAdmin):
    list_display = ["date", "municipality", "count", "place", "partnership"]
    list_select_related = ["municipality", "partnership"]


@admin.register(CompensationPlan)
class CompensationPlanAdmin(PolicyAdmin):
    list_display = ["partnership", "kg_co2_per_tree_year", "tree_years", "trees_home", "trees_host", "include_non_co2"]
    list_select_related = ["partnership"]
