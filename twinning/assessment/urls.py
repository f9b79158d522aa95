from django.urls import path

from twinning.assessment import interlink_views, network_views, plan_views, views, workshop_views

app_name = "assessment"
base = "partnerships/<slug:slug>/"
ex = base + "assessments/<int:pk>/"
rnd = ex + "rounds/<int:number>/"
urlpatterns = [
    path(base + "assessments/", views.assessment_list, name="assessment_list"),
    path(base + "assessments/new/", views.assessment_create, name="assessment_create"),
    path(ex + "edit/", views.assessment_edit, name="assessment_edit"),
    path(ex + "rounds/new/", views.round_create, name="round_create"),
    path(ex + "compare/", views.compare, name="compare"),
    path(rnd, views.round_detail, name="round"),
    path(rnd + "rate/<slug:municipality>/", views.round_rate, name="round_rate"),
    path(rnd + "ideas/", views.idea_create, name="idea_create"),
    path(rnd + "publish/", views.round_publish, name="round_publish"),
    path(rnd + "public/", views.round_public, name="round_public"),
    path(rnd + "export.csv", views.round_csv, name="round_csv"),
    path(rnd + "export.pdf", views.round_pdf, name="round_pdf"),
    path(rnd + "workshop/", workshop_views.workshop_start, name="workshop_start"),
    path(base + "workshops/<str:code>/", workshop_views.workshop_facilitate, name="workshop"),
    path(base + "workshops/<str:code>/live/", workshop_views.workshop_live, name="workshop_live"),
    path(base + "workshops/<str:code>/close/", workshop_views.workshop_close, name="workshop_close"),
    path(base + "workshops/<str:code>/adopt/", workshop_views.workshop_adopt, name="workshop_adopt"),
    path("workshop/", workshop_views.workshop_enter, name="workshop_enter"),
    path("workshop/<str:code>/", workshop_views.workshop_join, name="workshop_join"),
    path("workshop/<str:code>/rate/", workshop_views.workshop_rate, name="workshop_rate"),
    path(base + "sdg-inventory/", plan_views.inventory, name="inventory"),
    path(base + "sdg-inventory/<slug:municipality>/<int:goal>/", plan_views.inventory_edit, name="inventory_edit"),
    path(base + "action-plan/", plan_views.action_plan, name="action_plan"),
    path(base + "action-plan/new/", plan_views.action_create, name="action_create"),
    path(base + "action-plan/<int:pk>/edit/", plan_views.action_edit, name="action_edit"),
    path("municipalities/<slug:municipality>/sdg-network/", network_views.municipality_network, name="network"),
    path("sdg-network/", network_views.whole_network, name="network_all"),
    path(base + "interlinkages/", interlink_views.interlinkages_view, name="interlinkages"),
    path(base + "interlinkages/targets/", interlink_views.interlink_targets_edit, name="interlink_targets"),
    path(base + "interlinkages/<slug:municipality>/", interlink_views.interlink_score, name="interlink_score"),
    path(base + "sdg-index/", views.sdg_index, name="sdg_index"),
    path(base + "sdg-index/<slug:municipality>/", views.sdg_index_edit, name="sdg_index_edit"),
    path(base + "priorities/", views.priorities_view, name="priorities"),
    path(base + "priorities/edit/", views.priorities_edit, name="priorities_edit"),
    path(base + "priorities/focus/", views.focus_set, name="focus_set"),
]
