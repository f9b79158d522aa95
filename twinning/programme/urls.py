from django.urls import path

from twinning.programme import views

app_name = "programme"
P = "partnerships/<slug:slug>/programmes/"
G = P + "<int:pk>/"
urlpatterns = [
    path(P, views.programme_list, name="list"),
    path(P + "new/", views.programme_create, name="create"),
    path(G, views.programme_detail, name="detail"),
    path(G + "edit/", views.programme_edit, name="edit"),
    path(G + "goals/new/", views.goal_add, name="goal_add"),
    path(G + "goals/<int:goal_pk>/actions/new/", views.action_add, name="action_add"),
    path(G + "actions/<int:action_pk>/activities/new/", views.activity_add, name="activity_add"),
    path(G + "activities/<int:activity_pk>/edit/", views.activity_edit, name="activity_edit"),
    path(G + "activities/<int:activity_pk>/remove/", views.activity_remove, name="activity_remove"),
    path(G + "report/<int:year>.pdf", views.report_pdf, name="report_pdf"),
    path(G + "campaigns/<int:year>/new/", views.campaign_create, name="campaign_create"),
    path(G + "campaigns/<int:campaign_pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path(G + "campaigns/<int:campaign_pk>/actions/new/", views.campaign_action_add, name="campaign_action_add"),
    path("partnerships/<slug:slug>/protocol/", views.protocol, name="protocol"),
    path("partnerships/<slug:slug>/protocol/new/", views.protocol_item_add, name="protocol_item_add"),
    path("partnerships/<slug:slug>/protocol/<int:item_pk>/edit/", views.protocol_item_edit, name="protocol_item_edit"),
    path(
        "partnerships/<slug:slug>/protocol/<int:item_pk>/remove/",
        views.protocol_item_remove,
        name="protocol_item_remove",
    ),
]
