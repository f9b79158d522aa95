"""The joint feed: posts by staff of every member, comments (also on stories), reactions, reports
of abuse and the coordinators' moderation queue; an Atom feed of the public posts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from twinning.community import actions, selectors
from twinning.community.forms import CommentForm, HideForm, PostForm, ReactionForm, ReportForm
from twinning.community.models import Comment, Post
from twinning.community.rendering import render_markdown
from twinning.foundation import policy
from twinning.foundation.models import Municipality

PAGE_SIZE = 20


def feed(request, slug: str):
    partnership = policy.get_partnership_for_user(request.user, slug)
    page = Paginator(selectors.feed(policy.posts_visible_to(request.user, partnership)), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    posts = list(page.object_list)
    selectors.reaction_counts(posts, request.user)
    for post in posts:
        post.html = render_markdown(post.text)
    return render(
        request,
        "community/feed.html",
        {
            "partnership": partnership,
            "page": page,
            "posts": posts,
            "can_post": policy.can_post_in_feed(request.user, partnership),
            "can_moderate": policy.can_moderate_feed(request.user, partnership),
            "signed_in": request.user.is_authenticated,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_create(request, slug: str):
    partnership = policy.get_feed_partnership(request.user, slug, post=True)
    allowed_ids = policy.community_author_ids(request.user, partnership)
    form = PostForm(
        request.POST or None,
        request.FILES or None,
        municipalities=Municipality.objects.filter(pk__in=allowed_ids).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            post = actions.post_create(
                partnership=partnership,
                author=request.user,
                data=form.cleaned_data,
                allowed_ids=allowed_ids,
                photo=form.cleaned_data.get("photo") or None,
            )
        except actions.CommunityError as exc:
            form.add_error("municipality", str(exc))
        else:
            messages.success(request, _("Your post is in the feed."))
            return redirect("community:post", slug=partnership.slug, pk=post.pk)
    return render(request, "community/post_form.html", {"partnership": partnership, "form": form})


def post_detail(request, slug: str, pk: int, comment_form=None):
    post = policy.get_post_for_user(request.user, slug, pk)
    partnership = post.partnership
    moderator = policy.can_moderate_feed(request.user, partnership)
    selectors.reaction_counts([post], request.user)
    may_comment = policy.can_comment(request.user, partnership)
    return render(
        request,
        "community/post_detail.html",
        {
            "partnership": partnership,
            "post": post,
            "body": render_markdown(post.text),
            "comments": _rendered(selectors.comments_of(post=post, moderator=moderator, user=request.user)),
            "comment_form": comment_form or (CommentForm() if may_comment else None),
            "comment_url": reverse("community:post_comment", args=[partnership.slug, post.pk]),
            "can_moderate": moderator,
            "signed_in": request.user.is_authenticated,
        },
        status=400 if comment_form is not None else 200,
    )


def _rendered(comments: list[Comment]) -> list[Comment]:
    for comment in comments:
        comment.html = render_markdown(comment.text)
    return comments


@login_required
@require_POST
def post_comment(request, slug: str, pk: int):
    post = policy.get_post_for_user(request.user, slug, pk)
    if not policy.can_comment(request.user, post.partnership):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if not form.is_valid():
        return post_detail(request, slug, pk, comment_form=form)
    actions.comment_add(partnership=post.partnership, author=request.user, text=form.cleaned_data["text"], post=post)
    messages.success(request, _("Your comment is added."))
    return redirect(reverse("community:post", args=[slug, pk]) + "#comments")


@login_required
@require_POST
def story_comment(request, slug: str, pk: int):
    story = policy.get_story_for_user(request.user, slug, pk)
    if not policy.can_comment(request.user, story.partnership):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment first."))
    else:
        actions.comment_add(
            partnership=story.partnership, author=request.user, text=form.cleaned_data["text"], story=story
        )
        messages.success(request, _("Your comment is added."))
    return redirect(reverse("community:story", args=[slug, pk]) + "#comments")


@login_required
@require_POST
def react(request, slug: str, pk: int):
    post = policy.get_post_for_user(request.user, slug, pk)
    if not policy.can_comment(request.user, post.partnership):
        raise PermissionDenied
    form = ReactionForm(request.POST)
    if form.is_valid():
        actions.reaction_toggle(post, user=request.user, kind=form.cleaned_data["kind"])
    else:
        messages.error(request, _("Choose one of the reactions."))
    return redirect(reverse("community:post", args=[slug, pk]))


def _reported_item(user, slug: str, kind: str, pk: int):
    """The post or comment a user may see, with its partnership; 404 otherwise."""
    if kind == "post":
        post = policy.get_post_for_user(user, slug, pk)
        return post.partnership, post, None
    if kind != "comment":
        raise Http404
    partnership = policy.get_partnership_for_user(user, slug)
    try:
        comment = Comment.objects.select_related("post", "story").get(
            pk=pk, partnership=partnership, hidden_at__isnull=True
        )
    except Comment.DoesNotExist as exc:
        raise Http404 from exc
    if comment.post_id:
        policy.get_post_for_user(user, slug, comment.post_id)
    else:
        policy.get_story_for_user(user, slug, comment.story_id)
    return partnership, None, comment


@login_required
@require_http_methods(["GET", "POST"])
def report(request, slug: str, kind: str, pk: int):
    partnership, post, comment = _reported_item(request.user, slug, kind, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.report_file(
            partnership=partnership,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
            post=post,
            comment=comment,
        )
        messages.success(request, _("Thank you. The coordinators will look at it."))
        if post is not None:
            return redirect("community:post", slug=slug, pk=post.pk)
        return redirect("community:feed", slug=slug)
    return render(
        request,
        "community/report_form.html",
        {"partnership": partnership, "form": form, "item": post or comment},
        status=400 if form.errors else 200,
    )


@login_required
def moderation_queue(request, slug: str):
    partnership = policy.get_feed_partnership(request.user, slug, moderate=True)
    return render(
        request,
        "community/feed_moderation.html",
        {"partnership": partnership, "hide_form": HideForm(), **selectors.moderation_items(partnership)},
    )


@login_required
@require_POST
def moderate(request, slug: str, kind: str, pk: int):
    partnership = policy.get_feed_partnership(request.user, slug, moderate=True)
    model = {"post": Post, "comment": Comment}.get(kind)
    if model is None:
        raise Http404
    try:
        item = model.objects.get(pk=pk, partnership=partnership)
    except model.DoesNotExist as exc:
        raise Http404 from exc
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to hide or to restore."))
    else:
        try:
            actions.moderate(
                item, user=request.user, hide=form.cleaned_data["action"] == "hide", reason=form.cleaned_data["reason"]
            )
        except actions.CommunityError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Hidden.") if item.is_hidden else _("Restored."))
    return redirect("community:feed_moderation", slug=partnership.slug)


class PublicPostsFeed(Feed):
    """Atom feed of the public, visible posts of a public partnership (members-only partnerships: 404)."""

    feed_type = Atom1Feed

    def get_object(self, request, slug: str):
        # The feed is public: it shows what a visitor may see, whoever fetches it.
        return policy.get_partnership_for_user(AnonymousUser(), slug)

    def title(self, partnership):
        return _("News of %(name)s") % {"name": partnership.name}

    def subtitle(self, partnership):
        return _("Public posts of the joint feed.")

    def link(self, partnership):
        return reverse("community:feed", args=[partnership.slug])

    def items(self, partnership):
        return policy.posts_visible_to(AnonymousUser(), partnership).select_related("municipality", "partnership")[:30]

    def item_title(self, post):
        return post.headline(80)

    def item_description(self, post):
        return render_markdown(post.text)

    def item_link(self, post):
        return reverse("community:post", args=[post.partnership.slug, post.pk])

    def item_pubdate(self, post):
        return post.created_at

    def item_author_name(self, post):
        return post.municipality.name
