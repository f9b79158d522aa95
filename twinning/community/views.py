"""Stories and good practices, SDG heroes and the 17-photo gallery. Thin views: parse input,
ask the policy, call one action or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.community import actions, selectors
from twinning.community.forms import (
    CitizenPhotoForm,
    CommentForm,
    HeroForm,
    ModerationForm,
    SdgPhotoForm,
    StoryFilterForm,
    StoryForm,
)
from twinning.community.models import CitizenPhoto
from twinning.community.rendering import render_markdown
from twinning.foundation import policy
from twinning.foundation.concurrency import EditConflict
from twinning.foundation.models import Municipality
from twinning.sdg.links import selection_for
from twinning.sdg.selectors import all_goals

PAGE_SIZE = 20


def _authoring(user, partnership):
    allowed_ids = policy.community_author_ids(user, partnership)
    return allowed_ids, Municipality.objects.filter(pk__in=allowed_ids).order_by("name")


def story_list(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug)
    members = selectors.members(partnership)
    form = StoryFilterForm(request.GET or None, members=members)
    sdg = municipality = None
    if form.is_valid():
        sdg = form.cleaned_data.get("sdg")
        municipality = form.cleaned_data.get("municipality") or None
    page = Paginator(selectors.stories(partnership, sdg=sdg, municipality=municipality), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "community/story_list.html",
        {
            "partnership": partnership,
            "form": form,
            "page": page,
            "can_publish": policy.can_publish_story(request.user, partnership),
        },
    )


def story_detail(request, slug: str, pk: int):
    story = policy.get_story_for_user(request.user, slug, pk)
    moderator = policy.can_moderate_feed(request.user, story.partnership)
    comments = selectors.comments_of(story=story, moderator=moderator, user=request.user)
    for comment in comments:
        comment.html = render_markdown(comment.text)
    return render(
        request,
        "community/story_detail.html",
        {
            "partnership": story.partnership,
            "story": story,
            "body": render_markdown(story.text),
            "links": list(story.sdg_links.select_related("goal", "target").order_by("goal__number")),
            "can_edit": policy.can_edit_story(request.user, story),
            "comments": comments,
            "comment_form": CommentForm() if policy.can_comment(request.user, story.partnership) else None,
            "comment_url": reverse("community:story_comment", args=[story.partnership.slug, story.pk]),
            "can_moderate": moderator,
            "signed_in": request.user.is_authenticated,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def story_create(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug, write=True)
    allowed_ids, municipalities = _authoring(request.user, partnership)
    form = StoryForm(request.POST or None, request.FILES or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            story = actions.story_create(
                partnership=partnership,
                author=request.user,
                data=form.cleaned_data,
                sdgs=form.cleaned_data["sdgs"],
                allowed_ids=allowed_ids,
                photo=form.cleaned_data.get("photo") or None,
            )
        except actions.CommunityError as exc:
            form.add_error("municipality", str(exc))
        else:
            messages.success(request, _("Your story is published."))
            return redirect("community:story", slug=partnership.slug, pk=story.pk)
    return render(request, "community/story_form.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request, slug: str, pk: int):
    story = policy.get_story_for_user(request.user, slug, pk, write=True)
    partnership = story.partnership
    allowed_ids, municipalities = _authoring(request.user, partnership)
    municipalities = Municipality.objects.filter(pk__in=[*allowed_ids, story.municipality_id]).order_by("name")
    if request.method == "POST":
        form = StoryForm(request.POST, request.FILES, instance=story, municipalities=municipalities)
        if form.is_valid():
            try:
                actions.story_update(
                    story,
                    expected_version=form.cleaned_data["version"] or 0,
                    data=form.cleaned_data,
                    sdgs=form.cleaned_data["sdgs"],
                    allowed_ids=[*allowed_ids, story.municipality_id],
                    photo=form.cleaned_data["photo"] if "photo" in request.FILES else None,
                    user=request.user,
                )
            except EditConflict as conflict:
                current = conflict.current
                messages.error(
                    request,
                    _(
                        "Someone else saved this story while you were editing. Their version is shown; your text is kept in the form. Check and save again."
                    ),
                )
                post = request.POST.copy()
                post["version"] = str(current.version)
                form = StoryForm(post, municipalities=municipalities)  # no instance: keep `current` as stored
                form.is_valid()
                return render(
                    request,
                    "community/story_form.html",
                    {
                        "partnership": partnership,
                        "form": form,
                        "story": story,
                        "conflict": current,
                        "conflict_body": render_markdown(current.text),
                    },
                    status=409,
                )
            except actions.CommunityError as exc:
                form.add_error("municipality", str(exc))
            else:
                messages.success(request, _("The story is saved."))
                return redirect("community:story", slug=partnership.slug, pk=story.pk)
    else:
        form = StoryForm(
            instance=story,
            initial={"version": story.version, "sdgs": selection_for(story)},
            municipalities=municipalities,
        )
    return render(request, "community/story_form.html", {"partnership": partnership, "form": form, "story": story})


def heroes(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug)
    members = selectors.members(partnership)
    allowed_ids = set(policy.community_author_ids(request.user, partnership))
    return render(
        request,
        "community/heroes.html",
        {
            "partnership": partnership,
            "members": members,
            "rows": selectors.side_by_side(all_goals(), members, selectors.heroes(members)),
            "can_add": bool(allowed_ids),
            "editable_ids": allowed_ids,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def hero_create(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug, write=True)
    return _hero_form(request, partnership, None)


@login_required
@require_http_methods(["GET", "POST"])
def hero_edit(request, slug: str, pk: int):
    partnership, hero = policy.get_hero_for_user(request.user, slug, pk)
    return _hero_form(request, partnership, hero)


def _hero_form(request, partnership, hero):
    allowed_ids, municipalities = _authoring(request.user, partnership)
    form = HeroForm(request.POST or None, instance=hero, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            actions.hero_save(hero=hero, data=form.cleaned_data, allowed_ids=allowed_ids)
        except actions.CommunityError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The SDG hero or ambassador is saved."))
            return redirect("community:heroes", slug=partnership.slug)
    return render(request, "community/hero_form.html", {"partnership": partnership, "form": form, "hero": hero})


@login_required
@require_POST
def hero_remove(request, slug: str, pk: int):
    partnership, hero = policy.get_hero_for_user(request.user, slug, pk)
    actions.hero_remove(hero)
    messages.success(request, _("%(name)s is removed from the heroes and ambassadors.") % {"name": hero.name})
    return redirect("community:heroes", slug=partnership.slug)


def photos(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug)
    members = selectors.members(partnership)
    return render(
        request,
        "community/photos.html",
        {
            "partnership": partnership,
            "members": members,
            "rows": selectors.side_by_side(all_goals(), members, selectors.photos(members)),
            "citizen_photos": selectors.approved_citizen_photos(members),
            "can_upload": policy.can_publish_story(request.user, partnership),
            "can_submit": bool(policy.citizen_photo_municipality_ids(request.user, partnership)),
            "can_moderate": bool(policy.moderated_municipality_ids(request.user, partnership)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def photo_upload(request, slug: str):
    partnership = policy.get_community_partnership(request.user, slug, write=True)
    allowed_ids, municipalities = _authoring(request.user, partnership)
    form = SdgPhotoForm(request.POST or None, request.FILES or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            actions.sdg_photo_set(
                municipality=form.cleaned_data["municipality"],
                goal_number=form.cleaned_data["goal_number"],
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                allowed_ids=allowed_ids,
                shows_minors=form.cleaned_data["shows_minors"],
                user=request.user,
            )
        except actions.CommunityError as exc:
            form.add_error("municipality", str(exc))
        else:
            messages.success(request, _("The photo is in the gallery."))
            return redirect("community:photos", slug=partnership.slug)
    return render(request, "community/photo_form.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def citizen_photo_submit(request, slug: str):
    partnership = policy.get_photo_submission_partnership(request.user, slug)
    allowed_ids = policy.citizen_photo_municipality_ids(request.user, partnership)
    municipalities = Municipality.objects.filter(pk__in=allowed_ids).order_by("name")
    form = CitizenPhotoForm(request.POST or None, request.FILES or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            actions.citizen_photo_submit(
                municipality=form.cleaned_data["municipality"],
                goal_number=form.cleaned_data["goal_number"],
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                user=request.user,
                allowed_ids=allowed_ids,
                shows_minors=form.cleaned_data["shows_minors"],
            )
        except actions.CommunityError as exc:
            form.add_error("municipality", str(exc))
        else:
            messages.success(
                request, _("Thank you! Your picture waits for a coordinator's approval before it is shown.")
            )
            return redirect("community:photos", slug=partnership.slug)
    return render(request, "community/citizen_photo_form.html", {"partnership": partnership, "form": form})


@login_required
def moderation(request, slug: str):
    partnership = policy.get_moderation_partnership(request.user, slug)
    queue = selectors.moderation_queue(policy.moderated_municipality_ids(request.user, partnership))
    return render(request, "community/moderation.html", {"partnership": partnership, "queue": queue})


@login_required
@require_POST
def moderate(request, slug: str, pk: int):
    partnership = policy.get_moderation_partnership(request.user, slug)
    allowed_ids = policy.moderated_municipality_ids(request.user, partnership)
    try:
        photo = CitizenPhoto.objects.get(pk=pk, municipality_id__in=allowed_ids)  # others' pictures: 404
    except CitizenPhoto.DoesNotExist as exc:
        raise Http404 from exc
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Approve or reject the picture."))
        return redirect("community:moderation", slug=partnership.slug)
    try:
        actions.citizen_photo_decide(
            photo, decision=form.cleaned_data["decision"], user=request.user, allowed_ids=allowed_ids
        )
    except actions.CommunityError as exc:
        raise PermissionDenied(str(exc)) from exc
    if photo.status == CitizenPhoto.Status.APPROVED:
        messages.success(request, _("The picture is approved and shown in the gallery."))
    else:
        messages.success(request, _("The picture is rejected and stays hidden."))
    return redirect("community:moderation", slug=partnership.slug)
