from django.urls import path

from twinning.mapper import views

app_name = "mapper"
P = "partnerships/<slug:slug>/mapper/"
D = P + "<int:pk>/"
urlpatterns = [
    path(P, views.document_list, name="list"),
    path(P + "new/", views.document_create, name="create"),
    path(P + "compare/", views.document_compare, name="compare"),
    path(D, views.document_detail, name="detail"),
    path(D + "progress/", views.document_progress, name="progress"),
    path(D + "share/", views.document_share, name="share"),
    path("mapper/suggest/", views.suggest, name="suggest"),
]
