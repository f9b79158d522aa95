"""Permission rows of the games app: published games are seen and played wherever their
partnership is seen (visitors too: players under 16 need no account); staff and coordinators of
the municipality a game is played in author it and are its game masters; drafts are theirs only;
a team's pages open with its secret token."""

from __future__ import annotations

from tests.games.factories import GameFactory, StopFactory, TeamFactory
from tests.urlmatrix import AD, CA, CB, LOGIN, SA, V, everyone, only
from twinning.games.models import CheckIn, CheckInPlace, QuizRoom

AUTHORS_OF_A = {SA, CA, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    game = GameFactory(partnership=public, municipality=world["a"])
    draft = GameFactory(partnership=public, municipality=world["a"], is_published=False)
    hidden_game = GameFactory(partnership=private, municipality=world["c"])
    stop = StopFactory(game=game)
    team = TeamFactory(game=game)
    mine = {"slug": public.slug, "pk": game.pk}
    theirs = {"slug": private.slug, "pk": hidden_game.pk}
    edit = {**only(AUTHORS_OF_A), CB: 403}  # the partner's coordinator sees the game but is no author of it
    hidden = {**everyone(404), AD: 200}
    hidden_login = {**everyone(404), V: LOGIN, AD: 200}
    draft_rows = {**everyone(404), SA: 200, CA: 200, AD: 200}
    post_only_login = {**everyone(405), V: LOGIN}
    room = QuizRoom.objects.create(host=world["staff_a"], goals=[6])
    place = CheckInPlace.objects.create(
        partnership=public, municipality=world["a"], title={"en": "Trees"}, latitude=50, longitude=3
    )
    hidden_place = CheckInPlace.objects.create(
        partnership=private, municipality=world["c"], title={"en": "Well"}, latitude=50, longitude=3
    )
    checkin = CheckIn.objects.create(place=place, user=world["citizen"], checked_in_at=team.started_at)
    return {
        "games:list": [
            ({"slug": public.slug}, everyone(200), "games of a public partnership"),
            ({"slug": private.slug}, hidden, "games of a members-only partnership of others"),
        ],
        "games:create": [({"slug": public.slug}, only({SA, CA, CB, AD}), "staff and coordinators of members author")],
        "games:detail": [
            (mine, everyone(200), "a published game"),
            ({"slug": public.slug, "pk": draft.pk}, draft_rows, "a draft: its authors only"),
            (theirs, hidden, "a game of a hidden partnership"),
        ],
        "games:edit": [(mine, edit, "edit a game"), (theirs, hidden_login, "edit a hidden game")],
        "games:copy": [(mine, post_only_login, "copying needs POST")],
        "games:master": [(mine, edit, "the game master's leaderboard")],
        "games:judge": [({**mine, "answer_pk": 1}, post_only_login, "checking an answer needs POST")],
        "games:stop_add": [(mine, edit, "add a stop")],
        "games:stop_edit": [({**mine, "stop_pk": stop.pk}, edit, "edit a stop")],
        "games:stop_remove": [({**mine, "stop_pk": stop.pk}, post_only_login, "removing needs POST")],
        "games:stop_qr": [({**mine, "stop_pk": stop.pk}, edit, "the QR code to print")],
        "games:sw": [({}, everyone(200), "the service worker")],
        "games:manifest": [({}, everyone(200), "the web app manifest")],
        "games:qr": [
            ({"code": stop.qr_token}, everyone(302), "a scanned QR code without a team: to the game"),
            ({"code": "unknown"}, everyone(404), "an unknown QR code"),
        ],
        "games:play": [
            ({"token": team.token}, everyone(200), "the team's page opens with its token"),
            ({"token": "not-a-team"}, everyone(404), "an unknown team"),
        ],
        "games:answer": [({"token": team.token, "stop_pk": stop.pk}, everyone(405), "answering needs POST")],
        "games:finish": [({"token": team.token}, everyone(405), "finishing needs POST")],
        "games:results": [({"token": team.token}, everyone(200), "the team's results")],
        "games:places": [
            ({"slug": public.slug}, everyone(200), "SDG places of a public partnership"),
            ({"slug": private.slug}, hidden, "SDG places of a hidden partnership"),
        ],
        "games:place_create": [({"slug": public.slug}, only({SA, CA, CB, AD}), "staff of members add places")],
        "games:place": [
            ({"slug": public.slug, "pk": place.pk}, everyone(200), "a place with its check-ins"),
            ({"slug": private.slug, "pk": hidden_place.pk}, hidden, "a place of a hidden partnership"),
        ],
        "games:checkin_remove": [
            ({"slug": public.slug, "pk": place.pk, "checkin_pk": checkin.pk}, post_only_login, "removing needs POST")
        ],
        "games:quiz": [({}, everyone(200), "the SDG quiz, alone")],
        "games:quiz_join": [({}, everyone(302), "joining a class: to the class round, or back with a message")],
        "games:quiz_class": [
            ({"code": room.code}, everyone(200), "a class round opens with its code"),
            ({"code": "NOPE"}, everyone(404), "an unknown class code"),
        ],
        "games:quiz_room_create": [({}, post_only_login, "starting a class round needs POST")],
        "games:quiz_room": [
            ({"code": room.code}, {**everyone(404), V: LOGIN, SA: 200}, "the scores: the teacher only")
        ],
        "api:list_games": [
            ({"slug": public.slug}, everyone(200), "games API"),
            ({"slug": private.slug}, hidden, "games API of a hidden partnership"),
        ],
        "api:get_game": [
            ({"slug": public.slug, "game_id": game.pk}, everyone(200), "game API"),
            ({"slug": public.slug, "game_id": draft.pk}, draft_rows, "a draft in the API"),
        ],
        "api:start_team": [({"slug": public.slug, "game_id": game.pk}, everyone(405), "starting a team needs POST")],
        "api:games_team_state": [({"token": team.token}, everyone(200), "a team's state")],
        "api:games_answer": [({"token": team.token}, everyone(405), "answering needs POST")],
    }
