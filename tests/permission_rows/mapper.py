"""Permission rows of the mapper: documents are members-only (staff and coordinators of a member);
a document is seen by its own municipality's staff, and by the partner's once it is shared."""

from __future__ import annotations

from tests.urlmatrix import AD, CA, CB, LOGIN, SA, V, everyone, only
from twinning.mapper.models import MappedDocument

MEMBERS = {SA, CA, CB, AD}
OWNERS = {SA, CA, AD}


def rows(world) -> dict:
    public, private = world["partnership"], world["private"]
    ours = MappedDocument.objects.create(partnership=public, owner=world["a"], title="Our agreement", language="en")
    shared = MappedDocument.objects.create(
        partnership=public, owner=world["a"], title="Shared agreement", language="en", shared=True
    )
    others = MappedDocument.objects.create(partnership=private, owner=world["c"], title="Theirs", language="en")
    read = only(MEMBERS, denied=404)  # citizens do not see the mapper; visitors log in first
    own = only(OWNERS, denied=404)  # the partner's staff do not see an unshared document
    hidden = {**everyone(404), V: LOGIN, AD: 200}  # a members-only partnership of others
    post_only = {**everyone(405), V: LOGIN}  # a GET on a POST-only action; visitors log in first

    def doc(document):
        return {"slug": document.partnership.slug, "pk": document.pk}

    return {
        "mapper:list": [
            ({"slug": public.slug}, read, "the mapper of our partnership"),
            ({"slug": private.slug}, hidden, "the mapper of others"),
        ],
        "mapper:create": [({"slug": public.slug}, everyone(405), "uploading needs POST")],
        "mapper:compare": [
            ({"slug": public.slug}, read, "compare documents"),
            ({"slug": private.slug}, hidden, "others'"),
        ],
        "mapper:detail": [
            (doc(ours), own, "a document not shared"),
            (doc(shared), read, "a shared document"),
            (doc(others), hidden, "a document of others"),
        ],
        "mapper:progress": [(doc(ours), own, "its progress"), (doc(shared), read, "progress of a shared one")],
        "mapper:share": [(doc(ours), post_only, "sharing needs POST")],
        "mapper:suggest": [({}, post_only, "suggestions need POST")],
        "api:mapper_map": [({}, {**everyone(405)}, "API: mapping a text needs POST")],
    }
