"""Game pages: authoring (games, stops, QR codes, copies for the partner), playing (team start,
the team's page with map and forms, answers, QR unlock, results), the game master's leaderboard
and verdicts, and the offline pieces (service worker, manifest). Thin views: policy, one action
or selector, render. Every page works without JavaScript; games/play.js adds the map, the
position and the offline queue."""

from __future__ import annotations

import secrets

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.forms import apply_errors
from twinning.foundation.models import Municipality
from twinning.games import actions, quiz, selectors
from twinning.games.forms import AnswerForm, CheckInForm, GameForm, PlaceForm, QuizForm, StopForm, TeamForm
from twinning.games.models import Answer, CheckIn, CheckInPlace, QuizRoom, Stop
from twinning.sdg.selectors import all_goals

SESSION_TEAMS = "games_teams"  # game id -> team token, so a scanned QR code finds the team


def _author_municipalities(user, partnership):
    return Municipality.objects.filter(pk__in=policy.game_author_municipality_ids(user, partnership))


# --- Authoring ------------------------------------------------------------------------------


@require_GET
def game_list(request, slug: str):
    partnership = policy.get_partnership_for_games(request.user, slug)
    games = selectors.game_list(policy.games_visible_to(request.user, partnership))
    return render(
        request,
        "games/game_list.html",
        {
            "partnership": partnership,
            "games": games,
            "can_author": policy.can_author_games(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def game_create(request, slug: str):
    partnership = policy.get_partnership_for_games(request.user, slug, write=True)
    municipalities = _author_municipalities(request.user, partnership)
    form = GameForm(
        request.POST or None,
        municipalities=municipalities,
        initial={"languages": [get_language()], "municipality": municipalities.first(), "max_speed_kmh": 15},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            game = actions.game_create(partnership, data["municipality"], data=data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The game is created. Now add its stops."))
            return redirect("games:detail", slug=slug, pk=game.pk)
    return render(request, "games/game_form.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def game_edit(request, slug: str, pk: int):
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    municipalities = Municipality.objects.filter(pk=game.municipality_id)
    initial = {name: getattr(game, name) for name in actions.GAME_FIELDS}
    form = GameForm(
        request.POST or None,
        municipalities=municipalities,
        initial={**initial, "municipality": game.municipality, "version": game.version},
    )
    context = {"partnership": game.partnership, "game": game, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.game_update(game, expected_version=data["version"] or 0, data=data)
        except EditConflict as conflict:
            messages.error(
                request,
                _("Someone else saved this game while you were editing. Their version is shown; check and save again."),
            )
            post = request.POST.copy()
            post["version"] = str(conflict.current.version)
            form = GameForm(post, municipalities=municipalities)
            form.is_valid()
            return render(
                request, "games/game_form.html", {**context, "form": form, "conflict": conflict.current}, status=409
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The game is saved."))
            return redirect("games:detail", slug=slug, pk=game.pk)
    return render(request, "games/game_form.html", context)


@require_http_methods(["GET", "POST"])
def game_detail(request, slug: str, pk: int):
    """The game's page: what it is, its stops (authors see the answers), and the form to start a team."""
    game = policy.get_game_for_user(request.user, slug, pk)
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not game.is_published:
            form.add_error(None, _("This game is not published yet."))
        else:
            try:
                team = actions.team_start(game, form.cleaned_data["name"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                request.session[SESSION_TEAMS] = {**request.session.get(SESSION_TEAMS, {}), str(game.pk): team.token}
                return redirect("games:play", token=team.token)
    can_edit = policy.can_edit_game(request.user, game)
    copy_targets = [m for m in _author_municipalities(request.user, game.partnership) if m.pk != game.municipality_id]
    return render(
        request,
        "games/game_detail.html",
        {
            "partnership": game.partnership,
            "game": game,
            "stops": selectors.stops_of(game),
            "form": form,
            "can_edit": can_edit,
            "copy_targets": copy_targets,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def stop_edit(request, slug: str, pk: int, stop_pk: int | None = None):
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    stop = None
    if stop_pk is not None:
        stop = Stop.objects.filter(game=game, pk=stop_pk).first()
        if stop is None:
            raise Http404
    initial = StopForm.initial_for(stop) if stop else {"order": game.stops.count() + 1, "radius_m": 30, "points": 10}
    form = StopForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.stop_save(game, data=form.cleaned_data, stop=stop)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The stop is saved."))
            return redirect("games:detail", slug=slug, pk=game.pk)
    return render(
        request,
        "games/stop_form.html",
        {"partnership": game.partnership, "game": game, "stop": stop, "form": form, "others": selectors.stops_of(game)},
    )


@login_required
@require_POST
def stop_remove(request, slug: str, pk: int, stop_pk: int):
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    stop = Stop.objects.filter(game=game, pk=stop_pk).first()
    if stop is None:
        raise Http404
    actions.stop_remove(stop)
    messages.success(request, _("The stop is removed."))
    return redirect("games:detail", slug=slug, pk=game.pk)


@login_required
@require_POST
def game_copy(request, slug: str, pk: int):
    """A draft copy for another member municipality the user authors for (the partner adapts it)."""
    game = policy.get_game_for_user(request.user, slug, pk)
    allowed = {m.pk: m for m in _author_municipalities(request.user, game.partnership)}
    chosen = request.POST.get("municipality", "")
    target = allowed.get(int(chosen)) if chosen.isdigit() else None
    if target is None:
        messages.error(request, _("Choose a municipality you write games for."))
        return redirect("games:detail", slug=slug, pk=game.pk)
    copy = actions.game_copy(game, target)
    messages.success(
        request, _("A draft copy for %(name)s is made: adapt its stops and publish it.") % {"name": target}
    )
    return redirect("games:detail", slug=slug, pk=copy.pk)


@login_required
@require_GET
def stop_qr(request, slug: str, pk: int, stop_pk: int):
    """The QR code (SVG) to post at a stop where GPS is poor; scanning it unlocks the stop."""
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    stop = Stop.objects.filter(game=game, pk=stop_pk).first()
    if stop is None:
        raise Http404
    url = request.build_absolute_uri(reverse("games:qr", kwargs={"code": stop.qr_token}))
    response = HttpResponse(segno.make(url, error="m").svg_inline(scale=8), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="stop-{stop.order}.svg"'
    return response


# --- The game master ------------------------------------------------------------------------


@login_required
@require_GET
def game_master(request, slug: str, pk: int):
    """Live leaderboard and the open answers and photos to check (htmx refreshes it)."""
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    context = {
        "partnership": game.partnership,
        "game": game,
        "board": selectors.standings(game),
        "pending": selectors.pending_answers(game),
    }
    if request.headers.get("HX-Request"):
        return render(request, "games/_master_live.html", context)
    return render(request, "games/master.html", context)


@login_required
@require_POST
def answer_judge(request, slug: str, pk: int, answer_pk: int):
    game = policy.get_game_for_user(request.user, slug, pk, write=True)
    answer = Answer.objects.select_related("stop").filter(team__game=game, pk=answer_pk).first()
    if answer is None:
        raise Http404
    actions.answer_judge(answer, approve=request.POST.get("approve") == "1")
    messages.success(request, _("The answer is checked."))
    return redirect("games:master", slug=slug, pk=pk)


# --- Playing --------------------------------------------------------------------------------


def _play_context(team, forms_by_stop: dict | None = None) -> dict:
    state = selectors.team_state(team)
    forms_by_stop = forms_by_stop or {}
    rows = []
    for stop in state.stops:
        answer = state.answers.get(stop.pk)
        form = None if answer else forms_by_stop.get(stop.pk) or AnswerForm(stop=stop)
        rows.append({"stop": stop, "answer": answer, "form": form})
    return {
        "team": team,
        "game": team.game,
        "state": state,
        "rows": rows,
        "api_url": reverse("api:games_team_state", kwargs={"token": team.token}),
        "answers_url": reverse("api:games_answer", kwargs={"token": team.token}),
    }


@never_cache
@require_GET
def play(request, token: str):
    """The team's page: clock, points, map, and a form per stop (hidden until near, with the app)."""
    team = policy.get_team_for_token(token)
    code = request.GET.get("qr", "")
    forms = {}
    if code:  # a scanned QR code: its stop's form carries the code, so the stop opens without a position
        stop = Stop.objects.filter(game_id=team.game_id, qr_token=code).first()
        if stop is not None:
            forms[stop.pk] = AnswerForm(stop=stop, initial={"qr": code})
    return render(request, "games/play.html", _play_context(team, forms))


@require_POST
def answer(request, token: str, stop_pk: int):
    team = policy.get_team_for_token(token)
    stop = Stop.objects.filter(game=team.game, pk=stop_pk).first()
    if stop is None:
        raise Http404
    form = AnswerForm(request.POST, request.FILES, stop=stop)
    queued = "application/json" in request.headers.get("Accept", "")  # sent from the phone's queue
    now = timezone.now()
    if form.is_valid():
        data = form.cleaned_data
        try:
            outcome = actions.answer_submit(
                team,
                stop,
                client_id=data["client_id"],
                at=data.get("answered_at") or now,
                received=now,
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                qr=data.get("qr") or None,
                choice=data.get("choice"),
                number=data.get("number"),
                text=data.get("text") or "",
                photo=data.get("photo"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if queued:
                return _queued_reply(stop, outcome)
            if outcome.refusal == "finished":
                messages.error(request, outcome.message)  # the page shows no more forms
            elif outcome.refusal:
                form.add_error(None, outcome.message)
            else:
                messages.success(request, _("Your answer is saved."))
                return redirect(reverse("games:play", kwargs={"token": token}) + f"#stop-{stop.pk}")
    if queued:
        return JsonResponse({"detail": " ".join(m for ms in form.errors.values() for m in ms)}, status=400)
    return render(request, "games/play.html", _play_context(team, {stop.pk: form}), status=400)


def _queued_reply(stop: Stop, outcome: actions.Outcome) -> JsonResponse:
    """The answer to a photo sent from the phone's queue, shaped as the API's answer or refusal."""
    if outcome.refusal:
        return JsonResponse({"detail": outcome.message, "reason": outcome.refusal}, status=409)
    answer = outcome.answer
    return JsonResponse(
        {
            "client_id": str(answer.client_id),
            "stop": stop.pk,
            "verdict": answer.verdict,
            "points": answer.points,
            "fact": stop.fact,
            "duplicate": outcome.duplicate,
        },
        status=200 if outcome.duplicate else 201,
    )


@require_GET
def qr(request, code: str):
    """A scanned QR code: opens the stop on this phone's team page with the code filled in."""
    stop = Stop.objects.select_related("game__partnership").filter(qr_token=code).first()
    if stop is None:
        raise Http404
    token = request.session.get(SESSION_TEAMS, {}).get(str(stop.game_id))
    if token is None:
        messages.info(request, _("Start a team for this game first; then scan the code again."))
        return redirect("games:detail", slug=stop.game.partnership.slug, pk=stop.game_id)
    return redirect(reverse("games:play", kwargs={"token": token}) + f"?qr={code}#stop-{stop.pk}")


@require_POST
def finish(request, token: str):
    team = policy.get_team_for_token(token)
    actions.team_finish(team)
    return redirect("games:results", token=token)


@require_GET
def results(request, token: str):
    team = policy.get_team_for_token(token)
    board = selectors.standings(team.game)
    return render(
        request,
        "games/results.html",
        {"team": team, "game": team.game, "state": selectors.team_state(team), "board": board},
    )


# --- Installable and offline ----------------------------------------------------------------


@require_GET
def service_worker(request):
    """The service worker, served under /<language>/play/. Team pages register it for /<language>/play/,
    SDG place pages for their partnership's /<language>/partnerships/<slug>/checkins/ (allowed by
    the header up to the language root; nothing registers it wider)."""
    response = render(
        request,
        "games/sw.js",
        {
            "assets": [
                static(p)
                for p in (
                    "css/site.css",
                    "vendor/leaflet/leaflet.css",
                    "vendor/leaflet/leaflet.js",
                    "games/outbox.js",
                    "games/play.js",
                    "games/places.js",
                )
            ]
        },
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = reverse("games:sw").split("/play/")[0] + "/"  # the language root
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request):
    response = render(
        request, "games/manifest.json", {"start": reverse("foundation:home")}, content_type="application/manifest+json"
    )
    response["Cache-Control"] = "max-age=3600"
    return response


# --- The SDG quiz ---------------------------------------------------------------------------


def _quiz_round(request, *, seed: str, goal: int | None, template: str, extra: dict, room=None):
    """Show the round of ``seed`` (GET) or mark it (POST); a class round also stores the nickname's score."""
    questions = selectors.quiz_round(seed, goal)
    form = QuizForm(request.POST or None, questions=questions, with_nickname=room is not None)
    context = {"questions": questions, "form": form, "goal": goal, "seed": seed, "goals": all_goals(), **extra}
    if request.method == "POST" and form.is_valid():
        marked = quiz.mark({q.key: q.correct_choice for q in questions}, form.given())
        if room is not None:
            actions.quiz_result_save(room, form.cleaned_data["nickname"], quiz.score(marked), len(marked))
        by_key = {q.key: q for q in questions}
        context["result"] = [(by_key[m.key], m) for m in marked]
        context["score"] = quiz.score(marked)
    return render(request, template, context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def quiz_play(request):
    """The quiz alone: five questions of one SDG (or of all), marked with explanations."""
    goal = _goal_number(request.POST.get("goal") or request.GET.get("goal"))
    seed = request.POST.get("seed") or secrets.token_hex(8)
    return _quiz_round(request, seed=seed, goal=goal, template="games/quiz.html", extra={})


@require_GET
def quiz_join(request):
    code = (request.GET.get("code") or "").strip().upper()
    if QuizRoom.objects.filter(code=code).exists():
        return redirect("games:quiz_class", code=code)
    messages.error(request, _("No class plays with this code. Check it with your teacher."))
    return redirect("games:quiz")


@require_http_methods(["GET", "POST"])
def quiz_class(request, code: str):
    """The quiz in a class: everyone with the code gets the same questions; the teacher sees the scores."""
    room = QuizRoom.objects.filter(code=code).first()
    if room is None:
        raise Http404
    goal = room.goals[0] if room.goals else None
    return _quiz_round(request, seed=room.code, goal=goal, template="games/quiz.html", extra={"room": room}, room=room)


@login_required
@require_POST
def quiz_room_create(request):
    room = actions.quiz_room_create(request.user, goal=_goal_number(request.POST.get("goal")))
    return redirect("games:quiz_room", code=room.code)


@login_required
@require_GET
def quiz_room(request, code: str):
    """The teacher's view of a class round: the code to share and the scores (its host only)."""
    room = policy.get_quiz_room_for_host(request.user, code)
    return render(request, "games/quiz_room.html", {"room": room, "results": room.results.all()})


def _goal_number(raw) -> int | None:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= 17 else None


# --- SDG check-ins --------------------------------------------------------------------------


@require_GET
def place_list(request, slug: str):
    """The SDG places of the partnership on a map, with their latest pictures."""
    partnership = policy.get_partnership_for_games(request.user, slug)
    return render(
        request,
        "games/place_list.html",
        {
            "partnership": partnership,
            "places": selectors.places_of(partnership),
            "can_author": policy.can_author_games(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def place_create(request, slug: str):
    partnership = policy.get_partnership_for_games(request.user, slug, write=True)
    municipalities = _author_municipalities(request.user, partnership)
    form = PlaceForm(
        request.POST or None, municipalities=municipalities, initial={"municipality": municipalities.first()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            place = actions.place_create(partnership, form.cleaned_data["municipality"], data=form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The place is added."))
            return redirect("games:place", slug=slug, pk=place.pk)
    return render(request, "games/place_form.html", {"partnership": partnership, "form": form})


@require_http_methods(["GET", "POST"])
def place_detail(request, slug: str, pk: int):
    """A place with its pictures; people with an account check in there (the position is checked)."""
    partnership = policy.get_partnership_for_games(request.user, slug)
    place = CheckInPlace.objects.select_related("goal", "municipality").filter(partnership=partnership, pk=pk).first()
    if place is None:
        raise Http404
    form = CheckInForm(request.POST or None, request.FILES or None)
    queued = "application/json" in request.headers.get("Accept", "")  # sent from the phone's outbox
    if request.method == "POST":
        if not request.user.is_authenticated:
            if queued:  # the session ended: the check-in stays on the phone until the person logs in
                return JsonResponse({"detail": _("Log in to check in")}, status=403)
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if form.is_valid():
            data = form.cleaned_data
            checkin, reason = actions.checkin_create(
                place,
                request.user,
                client_id=data["client_id"],
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                note=data.get("note") or "",
                photo=data.get("photo"),
            )
            if queued:
                detail = _("You are checked in. Thank you!") if checkin is not None else reason
                return JsonResponse({"detail": detail}, status=201 if checkin is not None else 409)
            if checkin is not None:
                messages.success(request, _("You are checked in. Thank you!"))
                return redirect("games:place", slug=slug, pk=place.pk)
            form.add_error(None, reason)
        if queued:
            return JsonResponse({"detail": " ".join(m for ms in form.errors.values() for m in ms)}, status=400)
    return render(
        request,
        "games/place_detail.html",
        {
            "partnership": partnership,
            "place": place,
            "form": form,
            "checkins": selectors.checkins_of(place),
            "can_moderate": policy.can_moderate_checkin(request.user, place),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def checkin_remove(request, slug: str, pk: int, checkin_pk: int):
    """Staff and coordinators of the place's municipality remove a check-in (and its picture)."""
    partnership = policy.get_partnership_for_games(request.user, slug)
    checkin = (
        CheckIn.objects.select_related("place")
        .filter(place__partnership=partnership, place_id=pk, pk=checkin_pk)
        .first()
    )
    if checkin is None:
        raise Http404
    if not policy.can_moderate_checkin(request.user, checkin.place):
        raise PermissionDenied
    actions.checkin_remove(checkin)
    messages.success(request, _("The check-in is removed."))
    return redirect("games:place", slug=slug, pk=pk)
