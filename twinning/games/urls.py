from django.urls import path

from twinning.games import views

app_name = "games"
P = "partnerships/<slug:slug>/games/"
G = P + "<int:pk>/"
urlpatterns = [
    path(P, views.game_list, name="list"),
    path(P + "new/", views.game_create, name="create"),
    path(G, views.game_detail, name="detail"),
    path(G + "edit/", views.game_edit, name="edit"),
    path(G + "copy/", views.game_copy, name="copy"),
    path(G + "master/", views.game_master, name="master"),
    path(G + "answers/<int:answer_pk>/check/", views.answer_judge, name="judge"),
    path(G + "stops/new/", views.stop_edit, name="stop_add"),
    path(G + "stops/<int:stop_pk>/edit/", views.stop_edit, name="stop_edit"),
    path(G + "stops/<int:stop_pk>/remove/", views.stop_remove, name="stop_remove"),
    path(G + "stops/<int:stop_pk>/qr.svg", views.stop_qr, name="stop_qr"),
    path("partnerships/<slug:slug>/checkins/", views.place_list, name="places"),
    path("partnerships/<slug:slug>/checkins/new/", views.place_create, name="place_create"),
    path("partnerships/<slug:slug>/checkins/<int:pk>/", views.place_detail, name="place"),
    path(
        "partnerships/<slug:slug>/checkins/<int:pk>/<int:checkin_pk>/remove/",
        views.checkin_remove,
        name="checkin_remove",
    ),
    path("quiz/", views.quiz_play, name="quiz"),
    path("quiz/join/", views.quiz_join, name="quiz_join"),
    path("quiz/class/<str:code>/", views.quiz_class, name="quiz_class"),
    path("quiz/rooms/new/", views.quiz_room_create, name="quiz_room_create"),
    path("quiz/rooms/<str:code>/", views.quiz_room, name="quiz_room"),
    path("play/sw.js", views.service_worker, name="sw"),
    path("play/manifest.webmanifest", views.manifest, name="manifest"),
    path("play/qr/<str:code>/", views.qr, name="qr"),
    path("play/<slug:token>/", views.play, name="play"),
    path("play/<slug:token>/stops/<int:stop_pk>/", views.answer, name="answer"),
    path("play/<slug:token>/finish/", views.finish, name="finish"),
    path("play/<slug:token>/results/", views.results, name="results"),
]
