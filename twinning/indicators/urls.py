from django.urls import path

from twinning.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.library, name="library"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("partnerships/<slug:slug>/indicators/", views.partnership_indicators, name="partnership"),
    path("partnerships/<slug:slug>/indicators/propose/", views.propose, name="propose"),
    path("partnerships/<slug:slug>/indicators/custom/", views.custom_indicator, name="custom"),
    path("partnerships/<slug:slug>/indicators/dashboard/", views.dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/indicators/export.csv", views.export_csv, name="export"),
    path("partnerships/<slug:slug>/indicators/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path(
        "partnerships/<slug:slug>/indicators/<int:pk>/opensdg/<slug:municipality>.csv",
        views.export_opensdg,
        name="opensdg",
    ),
    path("partnerships/<slug:slug>/indicators/<int:pk>/", views.selection_detail, name="selection"),
    path("partnerships/<slug:slug>/indicators/<int:pk>/decide/", views.decide, name="decide"),
    path("partnerships/<slug:slug>/indicators/<int:pk>/comments/", views.comment, name="comment"),
    path("partnerships/<slug:slug>/indicators/import/<slug:municipality>/", views.import_upload, name="import_upload"),
    path(
        "partnerships/<slug:slug>/indicators/import/<slug:municipality>/<int:batch>/",
        views.import_preview,
        name="import_preview",
    ),
    path(
        "partnerships/<slug:slug>/indicators/import/<slug:municipality>/<int:batch>/columns/",
        views.import_columns,
        name="import_columns",
    ),
    path(
        "partnerships/<slug:slug>/indicators/<int:pk>/baseline/<slug:municipality>/",
        views.baseline_edit,
        name="baseline",
    ),
    path(
        "partnerships/<slug:slug>/indicators/<int:pk>/measurements/<slug:municipality>/",
        views.measurements,
        name="measurements",
    ),
]
