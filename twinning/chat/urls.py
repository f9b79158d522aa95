from django.urls import path

from twinning.chat import views

app_name = "chat"
urlpatterns = [
    path("partnerships/<slug:slug>/chat/", views.room, name="room"),
    path("partnerships/<slug:slug>/chat/<int:pk>/hide/", views.hide, name="hide"),
]
