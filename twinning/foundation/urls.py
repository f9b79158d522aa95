from django.urls import path

from twinning.foundation import views

app_name = "foundation"
urlpatterns = [
    path("", views.home, name="home"),
    path("me/", views.dashboard, name="dashboard"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership"),
    path("partnerships/<slug:slug>/edit/", views.partnership_edit, name="partnership_edit"),
    path("partnerships/<slug:slug>/local-targets/", views.local_targets, name="local_targets"),
    path("municipalities/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("municipalities/<slug:slug>/edit/", views.municipality_edit, name="municipality_edit"),
    path("municipalities/<slug:slug>/people/", views.municipality_people, name="people"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
