from django.contrib import admin

from twinning.sdg.models import Goal, Indicator, LocalTarget, Target


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["number", "__str__", "colour", "pillar"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal"]
    list_filter = ["goal"]
    search_fields = ["code"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "target"]
    search_fields = ["code"]


@admin.register(LocalTarget)
class LocalTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "target", "owner"]
    autocomplete_fields = ["target"]
